import type { Database } from "../../platform/neo4j/database.js";
import { furthestRank, stageRank, type FigureWindow } from "./figure-window.js";
import type { PartnerYield } from "./figures-types.js";

/**
 * F5: per partner, the SMEs it referred (referral date in the window), all cases those SMEs asked,
 * and how many of those cases reached MATCHED and COMPLETED. An SME referred by two partners counts
 * for both.
 */
export async function readPartnerYield(db: Database, window: FigureWindow): Promise<PartnerYield[]> {
  const rows = await db.read(
    `MATCH (pa:Partner)
     CALL (pa) {
       OPTIONAL MATCH (pa)-[r:REFERRED]->(s:Sme)
       WHERE ($from IS NULL OR r.date >= date($from)) AND ($to IS NULL OR r.date <= date($to))
       RETURN collect(DISTINCT s) AS smes
     }
     CALL (smes) {
       UNWIND smes AS s
       MATCH (s)-[:ASKED]->(c:Case)
       WITH DISTINCT c
       WITH c, ${furthestRank} AS furthest
       RETURN count(c) AS cases,
              sum(CASE WHEN furthest >= $rank.MATCHED THEN 1 ELSE 0 END) AS matched,
              sum(CASE WHEN furthest >= $rank.COMPLETED THEN 1 ELSE 0 END) AS completed
     }
     RETURN pa.id AS partnerId, pa.name AS partnerName, pa.kind AS kind, size(smes) AS referredSmes, cases, matched, completed
     ORDER BY referredSmes DESC, cases DESC, partnerName, partnerId`,
    { ...window, rank: stageRank },
  );
  return rows.map((r) => {
    const cases = Number(r.cases);
    return {
      partnerId: String(r.partnerId),
      partnerName: String(r.partnerName),
      kind: String(r.kind),
      referredSmes: Number(r.referredSmes),
      cases,
      matched: Number(r.matched),
      completed: Number(r.completed),
      matchRate: cases > 0 ? Number(r.matched) / cases : null,
      completionRate: cases > 0 ? Number(r.completed) / cases : null,
    };
  });
}

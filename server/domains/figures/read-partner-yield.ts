import type { Database } from "../../platform/neo4j/database.js";
import { stageRank, type FigureWindow } from "./figure-window.js";
import type { PartnerYield } from "./figures-types.js";
import { READ_PARTNER_YIELD } from "./statements.js";

/**
 * F5: per partner, the cases it referred (the referral's date in the window), the SMEs that asked
 * them, and how many of those cases reached MATCHED and COMPLETED. A referral belongs to the case, so
 * an SME whose two cases came through two partners counts once for each, with its own case.
 */
export async function readPartnerYield(db: Database, window: FigureWindow): Promise<PartnerYield[]> {
  const rows = await db.read(READ_PARTNER_YIELD, { ...window, rank: stageRank });
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

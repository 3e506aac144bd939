import type { Database } from "../../platform/neo4j/database.js";
import { EducationLevel } from "../../platform/model/graph-enums.js";
import { caseInWindow, type FigureWindow } from "./figure-window.js";
import type { MatchFigures } from "./figures-types.js";

/** A match: a sprint that is not CANCELLED, for a case created in the window. */
const isMatch = `coalesce(s.status, '') <> 'CANCELLED' AND ${caseInWindow}`;

/** F4: matches in total, per institution (through course → programme → institution), per level, per teaching period. */
export async function readMatchFigures(db: Database, window: FigureWindow): Promise<MatchFigures> {
  return db.readTx(async (tx) => {
    const total = await tx.run(`MATCH (s:Sprint)-[:FOR_CASE]->(c:Case) WHERE ${isMatch} RETURN count(DISTINCT s) AS n`, window);
    const byInstitution = await tx.run(
      `MATCH (i:Institution)
       CALL (i) {
         OPTIONAL MATCH (i)<-[:OFFERED_BY]-(:Programme)<-[:PART_OF]-(:Course)<-[:IN_COURSE]-(s:Sprint)-[:FOR_CASE]->(c:Case)
         WHERE ${isMatch}
         RETURN count(DISTINCT s) AS matches
       }
       RETURN i.id AS institutionId, i.name AS institutionName, i.kind AS level, matches
       ORDER BY matches DESC, institutionName, institutionId`,
      window,
    );
    const byLevel = await tx.run(
      `UNWIND $levels AS level
       CALL (level) {
         OPTIONAL MATCH (:Institution {kind: level})<-[:OFFERED_BY]-(:Programme)<-[:PART_OF]-(:Course)<-[:IN_COURSE]-(s:Sprint)-[:FOR_CASE]->(c:Case)
         WHERE ${isMatch}
         RETURN count(DISTINCT s) AS matches
       }
       RETURN level, matches`,
      { ...window, levels: Object.values(EducationLevel) },
    );
    const byPeriod = await tx.run(
      `MATCH (tp:TeachingPeriod)<-[:IN_PERIOD]-(s:Sprint)-[:FOR_CASE]->(c:Case)
       WHERE ${isMatch}
       WITH tp, count(DISTINCT s) AS matches
       RETURN tp.id AS periodId, tp.name AS periodName, tp.academicYear AS academicYear, toString(tp.startDate) AS startDate,
              head([(tp)<-[:HAS_PERIOD]-(i:Institution) | i.name]) AS institutionName, matches
       ORDER BY tp.startDate, institutionName, periodId`,
      window,
    );
    return {
      total: Number(total[0]?.n ?? 0),
      byInstitution: byInstitution.map((r) => ({
        institutionId: String(r.institutionId),
        institutionName: String(r.institutionName),
        level: r.level as EducationLevel,
        matches: Number(r.matches),
      })),
      byLevel: byLevel.map((r) => ({ level: r.level as EducationLevel, matches: Number(r.matches) })),
      byTeachingPeriod: byPeriod.map((r) => ({
        periodId: String(r.periodId),
        periodName: String(r.periodName),
        academicYear: String(r.academicYear),
        startDate: String(r.startDate),
        institutionName: (r.institutionName ?? null) as string | null,
        matches: Number(r.matches),
      })),
    };
  });
}

import type { Database } from "../../platform/neo4j/database.js";
import { EducationLevel } from "../../platform/model/graph-enums.js";
import type { FigureWindow } from "./figure-window.js";
import type { MatchFigures } from "./figures-types.js";
import {
  COUNT_MATCHES,
  READ_MATCHES_BY_INSTITUTION,
  READ_MATCHES_BY_LEVEL,
  READ_MATCHES_BY_TEACHING_PERIOD,
} from "./statements.js";

/** F4 (a match: a sprint that is not CANCELLED, for a case created in the window): matches in total, per institution (through course → programme → institution), per level, per teaching period. */
export async function readMatchFigures(db: Database, window: FigureWindow): Promise<MatchFigures> {
  return db.readTx(async (tx) => {
    const total = await tx.run(COUNT_MATCHES, window);
    const byInstitution = await tx.run(READ_MATCHES_BY_INSTITUTION, window);
    const byLevel = await tx.run(READ_MATCHES_BY_LEVEL, { ...window, levels: Object.values(EducationLevel) });
    const byPeriod = await tx.run(READ_MATCHES_BY_TEACHING_PERIOD, window);
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

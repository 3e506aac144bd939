import type { Database } from "../../platform/neo4j/database.js";
import type { FigureWindow } from "./figure-window.js";
import type { TeacherResponseRate } from "./figures-types.js";
import { READ_TEACHER_RESPONSE_RATES } from "./statements.js";

/**
 * F6: per teacher who was sent at least one proposal in the window (UTC date of sentAt): sent,
 * answered, each answer, expired (no answer and expiresAt before `asOf`), open; rates over sent.
 * Proposals withdrawn by `asOf` (the case was matched or closed first) count only as `withdrawn`.
 */
export async function readTeacherResponseRates(
  db: Database,
  window: FigureWindow,
  asOf: string | null,
): Promise<TeacherResponseRate[]> {
  const rows = await db.read(READ_TEACHER_RESPONSE_RATES, { ...window, asOf });
  return rows.map((r) => {
    const sent = Number(r.sent);
    return {
      teacherId: String(r.teacherId),
      teacherName: String(r.teacherName),
      sent,
      answered: Number(r.answered),
      interested: Number(r.interested),
      notNow: Number(r.notNow),
      declined: Number(r.declined),
      expired: Number(r.expired),
      withdrawn: Number(r.withdrawn),
      open: Number(r.open),
      responseRate: Number(r.answered) / sent,
      interestRate: Number(r.interested) / sent,
    };
  });
}

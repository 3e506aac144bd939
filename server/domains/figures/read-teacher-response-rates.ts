import type { Database } from "../../platform/neo4j/database.js";
import type { FigureWindow } from "./figure-window.js";
import type { TeacherResponseRate } from "./figures-types.js";

/**
 * F6: per teacher who was sent at least one proposal in the window (UTC date of sentAt): sent,
 * answered, each answer, expired (no answer and expiresAt before `asOf`), open; rates over sent.
 */
export async function readTeacherResponseRates(db: Database, window: FigureWindow, asOf: string | null): Promise<TeacherResponseRate[]> {
  const rows = await db.read(
    `MATCH (t:Person)<-[:TO_TEACHER]-(p:Proposal)
     WHERE ($from IS NULL OR date(p.sentAt) >= date($from)) AND ($to IS NULL OR date(p.sentAt) <= date($to))
     WITH t, p, coalesce(datetime($asOf), datetime()) AS now
     WITH t, count(p) AS sent, count(p.answer) AS answered,
          sum(CASE p.answer WHEN 'INTERESTED' THEN 1 ELSE 0 END) AS interested,
          sum(CASE p.answer WHEN 'NOT_NOW' THEN 1 ELSE 0 END) AS notNow,
          sum(CASE p.answer WHEN 'DECLINED' THEN 1 ELSE 0 END) AS declined,
          sum(CASE WHEN p.answer IS NULL AND p.expiresAt < now THEN 1 ELSE 0 END) AS expired
     RETURN t.id AS teacherId, t.name AS teacherName, sent, answered, interested, notNow, declined, expired,
            sent - answered - expired AS open
     ORDER BY sent DESC, teacherName, teacherId`,
    { ...window, asOf },
  );
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
      open: Number(r.open),
      responseRate: Number(r.answered) / sent,
      interestRate: Number(r.interested) / sent,
    };
  });
}

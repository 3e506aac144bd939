import type { Database } from "../../platform/neo4j/database.js";
import type { FigureWindow } from "./figure-window.js";
import type { CaseDurations } from "./figures-types.js";
import { READ_CASE_DURATIONS } from "./statements.js";

/**
 * F3: median days from a case's creation to its first MATCHED event, and from the first MATCHED
 * to the first COMPLETED event (percentileCont 0.5: the middle value, or the mean of the two middle
 * values). Days are exact elapsed time / 86 400 s.
 */
export async function readCaseDurations(db: Database, window: FigureWindow): Promise<CaseDurations> {
  const rows = await db.read(READ_CASE_DURATIONS, window);
  const r = rows[0] ?? {};
  const figure = (median: unknown, cases: unknown) => ({
    medianDays: Number(cases) > 0 ? Number(median) : null,
    cases: Number(cases ?? 0),
  });
  return { intakeToMatch: figure(r.medianToMatch, r.matched), matchToCompleted: figure(r.medianToComplete, r.completed) };
}

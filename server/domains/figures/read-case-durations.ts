import type { Database } from "../../platform/neo4j/database.js";
import { caseInWindow, type FigureWindow } from "./figure-window.js";
import type { CaseDurations } from "./figures-types.js";

/**
 * F3: median days from a case's creation to its first MATCHED event, and from the first MATCHED
 * to the first COMPLETED event (percentileCont 0.5: the middle value, or the mean of the two middle
 * values). Days are exact elapsed time / 86 400 s.
 */
export async function readCaseDurations(db: Database, window: FigureWindow): Promise<CaseDurations> {
  const rows = await db.read(
    `MATCH (c:Case) WHERE ${caseInWindow}
     CALL (c) {
       OPTIONAL MATCH (c)-[:HAD_EVENT]->(e:CaseEvent)
       RETURN min(CASE WHEN e.to = 'MATCHED' THEN e.at END) AS matchedAt,
              min(CASE WHEN e.to = 'COMPLETED' THEN e.at END) AS completedAt
     }
     WITH CASE WHEN c.created IS NOT NULL AND matchedAt IS NOT NULL THEN duration.inSeconds(c.created, matchedAt) END AS toMatch,
          CASE WHEN matchedAt IS NOT NULL AND completedAt IS NOT NULL THEN duration.inSeconds(matchedAt, completedAt) END AS toComplete
     WITH (toMatch.seconds + toMatch.nanosecondsOfSecond / 1e9) / 86400.0 AS daysToMatch,
          (toComplete.seconds + toComplete.nanosecondsOfSecond / 1e9) / 86400.0 AS daysToComplete
     RETURN percentileCont(daysToMatch, 0.5) AS medianToMatch, count(daysToMatch) AS matched,
            percentileCont(daysToComplete, 0.5) AS medianToComplete, count(daysToComplete) AS completed`,
    window,
  );
  const r = rows[0] ?? {};
  const figure = (median: unknown, cases: unknown) => ({
    medianDays: Number(cases) > 0 ? Number(median) : null,
    cases: Number(cases ?? 0),
  });
  return { intakeToMatch: figure(r.medianToMatch, r.matched), matchToCompleted: figure(r.medianToComplete, r.completed) };
}

import type { Database, Tx } from "../../platform/neo4j/database.js";
import { CaseStatus } from "../../platform/model/graph-enums.js";

/**
 * The number on a case card: how many courses share a topic with the case at one of its wanted
 * levels (caseSuggestions ranks them). Counting that means reading every course's themes, too slow
 * for a board that must answer hundreds of requests a second, so it is stored on the case
 * (suggestionCount, suggestionsCountedAt): refreshed by intake, qualification and every proposal,
 * and for all open cases by refreshSuggestionCounts (run it after importing or seeding courses).
 */

/**
 * Statuses in which suggestions still matter. The same answer as the workflow's acceptsSuggestions
 * (caseWorkflowOptions, read from its transition table); written out here because the workflow
 * imports this domain, not the other way round; tests/unit/cases-check-transition.test.ts keeps them equal.
 */
export const SUGGESTING_STATUSES: readonly CaseStatus[] = [CaseStatus.INTAKE, CaseStatus.QUALIFIED, CaseStatus.PROPOSED];

/** Recounts one case, in the caller's transaction. */
export async function refreshSuggestionCount(tx: Tx, caseId: string, now: string): Promise<void> {
  await tx.run(
    `MATCH (k:Case {id: $id})
     WITH k, [t IN coalesce(k.topics, []) | toLower(trim(t))] AS topics, coalesce(k.wantedLevels, []) AS wanted
     SET k.suggestionCount = COUNT {
           MATCH (i:Institution)<-[:OFFERED_BY]-(:Programme)<-[:PART_OF]-(c)
           WHERE i.kind IN wanted AND any(x IN coalesce(c.themes, []) WHERE toLower(trim(x)) IN topics)
           RETURN DISTINCT c },
         k.suggestionsCountedAt = datetime($now)`,
    { id: caseId, now },
  );
}

/**
 * Recounts every case in INTAKE, QUALIFIED or PROPOSED in one transaction, reading the courses
 * once: courses are grouped by (theme, level), and each case adds up the groups it matches.
 */
export async function refreshSuggestionCounts(db: Database, now: string): Promise<number> {
  return db.writeTx(async (tx) => {
    const rows = await tx.run(
      `CALL () {
         MATCH (i:Institution)<-[:OFFERED_BY]-(:Programme)<-[:PART_OF]-(c)
         UNWIND coalesce(c.themes, []) AS theme
         WITH toLower(trim(theme)) AS topic, i.kind AS kind, collect(DISTINCT c.id) AS courses
         RETURN collect({topic: topic, kind: kind, courses: courses}) AS groups
       }
       MATCH (k:Case) WHERE k.status IN $suggesting
       WITH k, groups, [t IN coalesce(k.topics, []) | toLower(trim(t))] AS topics, coalesce(k.wantedLevels, []) AS wanted
       CALL (k, groups, topics, wanted) {
         UNWIND [g IN groups WHERE g.topic IN topics AND g.kind IN wanted] AS g
         UNWIND g.courses AS courseId
         RETURN count(DISTINCT courseId) AS n
       }
       // Only counts that changed are written, so a repeated refresh (an idempotent import) changes nothing.
       WITH k, n WHERE k.suggestionCount IS NULL OR k.suggestionCount <> n
       SET k.suggestionCount = n, k.suggestionsCountedAt = datetime($now)
       RETURN count(k) AS cases`,
      { suggesting: SUGGESTING_STATUSES, now },
    );
    return Number(rows[0]?.cases ?? 0);
  });
}

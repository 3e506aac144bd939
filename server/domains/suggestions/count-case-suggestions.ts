import type { Database, Tx } from "../../platform/neo4j/database.js";
import { CaseStatus } from "../../platform/model/graph-enums.js";
import { REFRESH_SUGGESTION_COUNT, REFRESH_SUGGESTION_COUNTS } from "./statements.js";

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
  await tx.run(REFRESH_SUGGESTION_COUNT, { id: caseId, now });
}

/**
 * Recounts every case in INTAKE, QUALIFIED or PROPOSED in one transaction, reading the courses
 * once: courses are grouped by (topic, level), and each set of topics and wanted levels that some
 * cases share adds up the groups it matches once, for all those cases (REFRESH_SUGGESTION_COUNTS).
 */
export async function refreshSuggestionCounts(db: Database, now: string): Promise<number> {
  return db.writeTx(async (tx) => {
    const rows = await tx.run(REFRESH_SUGGESTION_COUNTS, { suggesting: SUGGESTING_STATUSES, now });
    return Number(rows[0]?.cases ?? 0);
  });
}

import type { Tx } from "../../platform/neo4j/database.js";
import type { CaseStatusChange } from "./case-types.js";
import { RECORD_STATUS_CHANGE } from "./statements.js";

/** A change to record: the CaseStatusChange it becomes, without the event id the graph gives it. */
export type StatusChange = Omit<CaseStatusChange, "eventId">;

/**
 * Sets the case's status and appends the timeline event, in the caller's transaction. Callers have
 * locked the case and checked the transition (lockCase + checkTransition) before.
 */
export async function recordStatusChange(tx: Tx, change: StatusChange): Promise<CaseStatusChange> {
  const rows = await tx.run(RECORD_STATUS_CHANGE, {
    caseId: change.caseId,
    from: change.from,
    to: change.to,
    at: change.at,
    by: change.by,
    reason: change.reason ?? null,
    note: change.note ?? null,
  });
  return { ...change, eventId: String(rows[0]?.eventId) };
}

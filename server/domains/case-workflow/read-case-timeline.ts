import type { Tx } from "../../platform/neo4j/database.js";
import type { CaseTimelineEntry } from "./case-types.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import { READ_CASE_EXISTS, READ_CASE_TIMELINE } from "./statements.js";

/**
 * The case's history in one query, oldest first: its status changes (CaseEvent) with the proposals
 * sent and answered in between. Entries at the same instant keep the order in which they happen
 * (a proposal is sent, then the case becomes PROPOSED).
 */
export async function readCaseTimeline(tx: Tx, caseId: string): Promise<CaseTimelineEntry[]> {
  const rows = await tx.run(READ_CASE_TIMELINE, { id: caseId });
  if (rows.length === 0) {
    // A case made through the generated CRUD has no events; tell it apart from no case at all.
    const exists = await tx.run(READ_CASE_EXISTS, { id: caseId });
    if (exists.length === 0) throw new DomainError(ErrorCode.NOT_FOUND, `No case with id ${caseId}.`, "case");
  }
  return rows.map(
    ({ fromStatus, toStatus, ...rest }) => ({ ...rest, from: fromStatus, to: toStatus }) as unknown as CaseTimelineEntry,
  );
}

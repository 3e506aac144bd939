import type { Database } from "../../platform/neo4j/database.js";
import type { CaseCloseReason } from "./case-enums.js";
import { CaseStatus, ProposalWithdrawal } from "../../platform/model/graph-enums.js";
import { CaseAction, checkTransition } from "./check-transition.js";
import { lockCase } from "./lock-case.js";
import type { CaseStatusChange } from "./case-types.js";
import { recordStatusChange } from "./record-status-change.js";
import { checkActor, type Actor } from "../../platform/auth/resolve-actor.js";
import { CANCEL_OPEN_SPRINTS_OF_CASE, WITHDRAW_OPEN_PROPOSALS_OF_CASE } from "./statements.js";

/**
 * Any open state → CLOSED, with a reason. A planned or running sprint of the case is cancelled in
 * the same transaction, which gives its place back to the course's capacity, and its proposals still
 * waiting for an answer are withdrawn (CASE_CLOSED).
 */
export async function closeCase(
  db: Database,
  caseId: string,
  reason: CaseCloseReason,
  note: string | null,
  actor: Actor,
  now: string,
): Promise<CaseStatusChange> {
  return db.writeTx(async (tx) => {
    await checkActor(tx, actor);
    const locked = await lockCase(tx, caseId);
    const to = checkTransition(CaseAction.CLOSE, locked.status) ?? CaseStatus.CLOSED;
    await tx.run(CANCEL_OPEN_SPRINTS_OF_CASE, { id: caseId });
    await tx.run(WITHDRAW_OPEN_PROPOSALS_OF_CASE, { caseId, now, reason: ProposalWithdrawal.CASE_CLOSED, by: actor.id });
    return recordStatusChange(tx, { caseId, from: locked.status, to, at: now, by: actor.id, reason, note });
  });
}

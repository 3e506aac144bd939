import { CaseStatus, SprintStatus } from "../../platform/model/graph-enums.js";
import { CaseAction, checkTransition } from "./check-transition.js";
import { recordStatusChange } from "./record-status-change.js";
import { checkActor, type Actor } from "../../platform/auth/resolve-actor.js";
import type { Database } from "../../platform/neo4j/database.js";
import { readSprint } from "./read-sprint.js";
import type { SprintCompletionInput, SprintRecord } from "./sprint-types.js";
import { lockSprintCase, requireSprintStatus } from "./start-sprint.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import { COMPLETE_SPRINT } from "./statements.js";

/** IN_SPRINT → COMPLETED: the running sprint ends with its outcome and both sides' feedback. */
export async function completeSprint(
  db: Database,
  sprintId: string,
  completion: SprintCompletionInput,
  actor: Actor,
  now: string,
): Promise<SprintRecord> {
  const outcome = completion.outcome.trim();
  if (!outcome) throw new DomainError(ErrorCode.BAD_USER_INPUT, "Completing a sprint needs its outcome.", "outcome");
  const rating = completion.smeRating ?? null;
  if (rating !== null && (!Number.isInteger(rating) || rating < 1 || rating > 5)) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, "smeRating is a whole number from 1 to 5.", "smeRating");
  }
  return db.writeTx(async (tx) => {
    await checkActor(tx, actor);
    const locked = await lockSprintCase(tx, sprintId);
    requireSprintStatus(locked.sprintStatus, [SprintStatus.RUNNING], "be completed");
    const to = checkTransition(CaseAction.COMPLETE, locked.caseStatus) ?? CaseStatus.COMPLETED;
    await tx.run(COMPLETE_SPRINT, {
      id: sprintId,
      outcome,
      smeRating: rating,
      smeFeedback: completion.smeFeedback?.trim() || null,
      teacherFeedback: completion.teacherFeedback?.trim() || null,
      followUpWanted: completion.followUpWanted ?? null,
      now,
    });
    await recordStatusChange(tx, { caseId: locked.caseId, from: locked.caseStatus, to, at: now, by: actor.id, note: outcome });
    const sprint = await readSprint(tx, sprintId);
    if (!sprint) throw new Error(`Sprint ${sprintId} vanished.`);
    return sprint;
  });
}

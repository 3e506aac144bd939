import type { Tx } from "../../platform/neo4j/database.js";
import type { CoordinatorTodo, TodoItem } from "./sending-types.js";
import {
  READ_UNREACHABLE_TEACHERS,
  TODO_ANSWERS_TO_ACT_ON,
  TODO_CLAIMS_TO_CONFIRM,
  TODO_EXPIRED_PROPOSALS,
  TODO_EXPIRING_PROPOSALS,
  TODO_FAILED_MESSAGES,
  TODO_FOLLOW_UPS_WANTED,
  TODO_LONGEST_WAITING,
} from "./statements.js";

/** Proposals expiring within this many days are on the list (the reminder goes REMINDER_DAYS_BEFORE). */
export const TODO_EXPIRY_DAYS = 7;
/** Proposals that expired unanswered this many days back are on the list too: expired, but not unnoticed. */
export const TODO_EXPIRED_DAYS = 30;

function item(partial: Partial<TodoItem>): TodoItem {
  return {
    caseId: null,
    caseTitle: null,
    proposalId: null,
    messageId: null,
    who: null,
    detail: null,
    at: null,
    days: null,
    ...partial,
  };
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/**
 * A coordinator's to-do list (docs/mail.md, "The to-do list"): eight reads, each limited, of the cases
 * they handle (all cases when `coordinatorId` is null); failed messages and unreachable teachers are
 * everyone's (a digest spans many coordinators' cases).
 */
export async function readTodo(tx: Tx, coordinatorId: string | null, now: string): Promise<CoordinatorTodo> {
  const p = { coordinator: coordinatorId, now, days: TODO_EXPIRY_DAYS, expiredDays: TODO_EXPIRED_DAYS };
  const [expiring, expired, answers, claims, followUps, failed, unreachable, waiting] = [
    await tx.run(TODO_EXPIRING_PROPOSALS, p),
    await tx.run(TODO_EXPIRED_PROPOSALS, p),
    await tx.run(TODO_ANSWERS_TO_ACT_ON, p),
    await tx.run(TODO_CLAIMS_TO_CONFIRM, p),
    await tx.run(TODO_FOLLOW_UPS_WANTED, p),
    await tx.run(TODO_FAILED_MESSAGES, p),
    await tx.run(READ_UNREACHABLE_TEACHERS, p),
    await tx.run(TODO_LONGEST_WAITING, p),
  ];
  return {
    coordinatorId,
    expiringProposals: expiring.map((r) =>
      item({
        caseId: str(r.caseId),
        caseTitle: str(r.caseTitle),
        proposalId: str(r.proposalId),
        who: str(r.teacherName),
        at: str(r.at),
        detail: r.reminded === true ? "REMINDED" : null,
      }),
    ),
    expiredProposals: expired.map((r) =>
      item({
        caseId: str(r.caseId),
        caseTitle: str(r.caseTitle),
        proposalId: str(r.proposalId),
        who: str(r.teacherName),
        at: str(r.at),
      }),
    ),
    answersToActOn: answers.map((r) =>
      item({
        caseId: str(r.caseId),
        caseTitle: str(r.caseTitle),
        proposalId: str(r.proposalId),
        who: str(r.teacherName),
        detail: str(r.courseName),
        at: str(r.at),
      }),
    ),
    claimsToConfirm: claims.map((r) =>
      item({
        caseId: str(r.caseId),
        caseTitle: str(r.caseTitle),
        proposalId: str(r.proposalId),
        who: str(r.claimerName),
        detail: str(r.courseName),
        at: str(r.at),
      }),
    ),
    followUpsWanted: followUps.map((r) =>
      item({ caseId: str(r.caseId), caseTitle: str(r.caseTitle), who: str(r.smeName), at: str(r.at) }),
    ),
    failedMessages: failed.map((r) =>
      item({
        messageId: str(r.messageId),
        who: str(r.teacherName),
        detail: `${String(r.kind)} ${String(r.status)} after ${Number(r.attempts ?? 0)} attempt(s): ${String(r.error ?? "—")}`,
        at: str(r.at),
      }),
    ),
    unreachableTeachers: unreachable.map((r) => item({ who: str(r.teacherName), detail: str(r.why) })),
    longestWaiting: waiting.map((r) =>
      item({
        caseId: str(r.caseId),
        caseTitle: str(r.caseTitle),
        detail: str(r.state),
        at: str(r.at),
        days: r.days === null ? null : Number(r.days),
      }),
    ),
  };
}

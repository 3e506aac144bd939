import { CaseStatus, type InteractionChannel } from "../../platform/model/graph-enums.js";
import { isIsoInstant } from "../../platform/clock/check-iso-date.js";
import { todayIso } from "../../platform/clock/read-clock.js";
import { CaseAction, checkTransition, lockCase, recordStatusChange } from "../case-workflow/index.js";
import { refreshSuggestionCount, type MatchingSettings } from "../suggestions/index.js";
import { checkActor, type Actor } from "../../platform/auth/resolve-actor.js";
import type { Database, Tx } from "../../platform/neo4j/database.js";
import { createProposal } from "./create-proposal.js";
import type { ProposalRecord } from "./proposal-types.js";
import { readProposals } from "./read-proposals.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import { READ_PROPOSAL_IN_COOLDOWN, READ_TEACHER_OF_COURSE } from "./statements.js";

export interface ProposeCaseInput {
  caseId: string;
  teacherId: string;
  courseId: string;
  channel: InteractionChannel;
  /** When it was sent, for a proposal logged afterwards; default now. */
  sentAt: string | null;
  force: boolean;
}

// A clock a few minutes ahead on the coordinator's machine is no reason to refuse.
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * Records that a case went to a teacher for a course. QUALIFIED → PROPOSED on the first one; while
 * PROPOSED, further proposals leave the state alone. Within the cooldown since the last proposal of
 * this case to this teacher it is refused (COOLDOWN) unless forced.
 */
export async function proposeCase(
  db: Database,
  input: ProposeCaseInput,
  actor: Actor,
  now: string,
  settings: MatchingSettings,
): Promise<ProposalRecord> {
  const sentAt = checkSentAt(input.sentAt, now, "sentAt");
  return db.writeTx(async (tx) => {
    await checkActor(tx, actor);
    const locked = await lockCase(tx, input.caseId);
    await checkTeacherOfCourse(tx, input.teacherId, input.courseId);
    const to = checkTransition(CaseAction.PROPOSE, locked.status);
    if (!input.force) await checkCooldown(tx, input.caseId, input.teacherId, sentAt, settings.proposalCooldownDays);
    const id = await createProposal(tx, { ...input, sentAt, expiryDays: settings.proposalExpiryDays, by: actor.id });
    if (to !== null) {
      await recordStatusChange(tx, {
        caseId: input.caseId,
        from: locked.status,
        to: CaseStatus.PROPOSED,
        at: now,
        by: actor.id,
        note: null,
      });
    }
    await refreshSuggestionCount(tx, input.caseId, now);
    const [view] = await readProposals(tx, { proposalIds: [id] }, now);
    if (!view) throw new Error(`Proposal ${id} was not written.`);
    return view;
  });
}

/** A sent-at instant given by the caller, checked; default `now`. */
export function checkSentAt(value: string | null, now: string, field: string): string {
  if (value === null) return now;
  if (!isIsoInstant(value))
    throw new DomainError(
      ErrorCode.BAD_USER_INPUT,
      `${field} must be an ISO date-time with a zone, e.g. 2025-09-01T09:00:00Z.`,
      field,
    );
  if (Date.parse(value) > Date.parse(now) + FUTURE_TOLERANCE_MS) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `${field} ${value} lies in the future.`, field);
  }
  return new Date(value).toISOString();
}

export async function checkTeacherOfCourse(tx: Tx, teacherId: string, courseId: string): Promise<void> {
  const rows = await tx.run(READ_TEACHER_OF_COURSE, { teacherId, courseId });
  const row = rows[0];
  if (!row?.teacher) throw new DomainError(ErrorCode.NOT_FOUND, `No person with id ${teacherId} (the teacher).`, "teacher");
  if (!row.course) throw new DomainError(ErrorCode.NOT_FOUND, `No course with id ${courseId}.`, "course");
  if (!row.teaches) {
    throw new DomainError(
      ErrorCode.BAD_USER_INPUT,
      `${String(row.teacherName)} does not teach ${String(row.courseName)}.`,
      "course",
    );
  }
}

export async function checkCooldown(tx: Tx, caseId: string, teacherId: string, sentAt: string, days: number): Promise<void> {
  if (days <= 0) return;
  const rows = await tx.run(READ_PROPOSAL_IN_COOLDOWN, { caseId, teacherId, sentAt, days });
  const last = rows[0];
  if (last) {
    throw new DomainError(
      ErrorCode.COOLDOWN,
      // Dates as the workspace's calendar reads them (Amsterdam), not the UTC instant's: between 23:00 and 24:00 UTC
      // the two differ by a day.
      `This case was proposed to ${String(last.teacher)} on ${todayIso(new Date(String(last.sentAt)))}; the ${days}-day cooldown runs until ${todayIso(new Date(String(last.until)))}. Pass force: true to send it anyway.`,
      "teacher",
    );
  }
}

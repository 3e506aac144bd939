import { randomUUID } from "node:crypto";
import { CaseStatus, EducationLevel, ProposalWithdrawal } from "../../platform/model/graph-enums.js";
import { CaseAction, checkTransition } from "./check-transition.js";
import { lockCase } from "./lock-case.js";
import { lockNode } from "../../platform/neo4j/lock-node.js";
import { recordStatusChange } from "./record-status-change.js";
import { checkActor, type Actor } from "../../platform/auth/resolve-actor.js";
import type { Database, Tx } from "../../platform/neo4j/database.js";
import { readCapacity } from "../agreements/index.js";
import { readSprint } from "./read-sprint.js";
import type { SprintRecord } from "./sprint-types.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import { checkOverride, type Override, recordOverride } from "./check-override.js";
import {
  CREATE_SPRINT,
  READ_MATCH_LEVELS,
  READ_SUPERVISOR,
  READ_SUPERVISOR_CANDIDATES,
  WITHDRAW_OPEN_PROPOSALS_OF_CASE,
} from "./statements.js";

export interface MatchCaseInput {
  caseId: string;
  courseId: string;
  periodId: string;
  teamSize: number | null;
  teamLevel: EducationLevel | null;
  supervisorId: string | null;
  /** A coordinator's override of the level check (force + reason), recorded on the MATCHED event. */
  override: Override | null;
}

export const MAX_TEAM_SIZE = 50;

/**
 * PROPOSED → MATCHED: places the case in a course for a teaching period as a PLANNED sprint, using
 * one place of the course's capacity. Overbooking is refused also when many coordinators match at
 * once: the transaction first takes the course's write lock, and only then counts the sprints, so
 * concurrent matches into one course run one after the other and each sees the others' sprints.
 */
export async function matchCase(db: Database, input: MatchCaseInput, actor: Actor, now: string): Promise<SprintRecord> {
  if (input.teamSize !== null && (!Number.isInteger(input.teamSize) || input.teamSize < 1 || input.teamSize > MAX_TEAM_SIZE)) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `teamSize must be a whole number from 1 to ${MAX_TEAM_SIZE}.`, "teamSize");
  }
  const override = checkOverride(input.override);
  return db.writeTx(async (tx) => {
    await checkActor(tx, actor);
    const locked = await lockCase(tx, input.caseId);
    const to = checkTransition(CaseAction.MATCH, locked.status) ?? CaseStatus.MATCHED;

    // The course's lock serialises every match into it; counting comes after, in readCapacity.
    if (!(await lockNode(tx, "Course", input.courseId)))
      throw new DomainError(ErrorCode.NOT_FOUND, `No course with id ${input.courseId}.`, "course");
    const overrode = await checkLevels(tx, input, override);
    const capacity = await readCapacity(tx, input.courseId, input.periodId);
    if (!capacity) throw new DomainError(ErrorCode.NOT_FOUND, `No teaching period with id ${input.periodId}.`, "period");
    if (!capacity.runsInPeriod) {
      throw new DomainError(ErrorCode.BAD_USER_INPUT, `${capacity.courseName} does not run in ${capacity.periodName}.`, "period");
    }
    if (!capacity.hasAgreement) {
      throw new DomainError(
        ErrorCode.CAPACITY_EXHAUSTED,
        `No agreement covers ${capacity.courseName} in ${capacity.periodName}, so it has no places; make an agreement first.`,
        "course",
      );
    }
    if (capacity.remaining !== null && capacity.remaining <= 0) {
      throw new DomainError(
        ErrorCode.CAPACITY_EXHAUSTED,
        `${capacity.courseName} is full in ${capacity.periodName}: ${capacity.used} of ${capacity.casesPerPeriod} places are taken.`,
        "period",
      );
    }

    const supervisorId = await chooseSupervisor(tx, input);
    const sprintId = randomUUID();
    await tx.run(CREATE_SPRINT, {
      caseId: input.caseId,
      courseId: input.courseId,
      periodId: input.periodId,
      teamSize: input.teamSize,
      teamLevel: input.teamLevel,
      sprintId,
      supervisorId,
    });
    // The case is placed: its proposals still waiting for an answer are moot (docs/case-workflow.md).
    await tx.run(WITHDRAW_OPEN_PROPOSALS_OF_CASE, {
      caseId: input.caseId,
      now,
      reason: ProposalWithdrawal.CASE_MATCHED,
      by: actor.id,
    });
    const event = await recordStatusChange(tx, {
      caseId: input.caseId,
      from: locked.status,
      to,
      at: now,
      by: actor.id,
      reason: overrode.length > 0 ? (override?.reason ?? null) : null,
      note: `${capacity.courseName}, ${capacity.periodName}`,
    });
    await recordOverride(tx, event.eventId, overrode);
    const sprint = await readSprint(tx, sprintId);
    if (!sprint) throw new Error(`Sprint ${sprintId} was not written.`);
    return sprint;
  });
}

/**
 * The course's institution must be at a level the case wants (an MBO-only case does not go into an
 * HBO course) unless the coordinator overrides it; returns the checks overridden.
 */
async function checkLevels(tx: Tx, input: MatchCaseInput, override: Override | null): Promise<string[]> {
  const rows = await tx.run(READ_MATCH_LEVELS, { caseId: input.caseId, courseId: input.courseId });
  const row = rows[0];
  const wanted = (row?.wantedLevels as string[] | undefined) ?? [];
  const levels = (row?.courseLevels as string[] | undefined) ?? [];
  // A case with no wanted levels, or a course of no known institution, leaves nothing to compare.
  if (wanted.length === 0 || levels.length === 0 || levels.some((level) => wanted.includes(level))) return [];
  if (override) return [ErrorCode.LEVEL_MISMATCH];
  throw new DomainError(
    ErrorCode.LEVEL_MISMATCH,
    `${String(row?.courseName)} is taught at ${levels.join("/")} level, but the case wants ${wanted.join(" or ")}. Pass force: true with a reason to match it anyway.`,
    "course",
    { overridable: true, wantedLevels: wanted, courseLevels: levels },
  );
}

/**
 * The supervisor named, else the teacher who said INTERESTED to this case for this course (the
 * latest), else the course's only teacher; none when that is ambiguous.
 */
async function chooseSupervisor(tx: Tx, input: MatchCaseInput): Promise<string | null> {
  if (input.supervisorId !== null) {
    const rows = await tx.run(READ_SUPERVISOR, { id: input.supervisorId });
    if (rows.length === 0)
      throw new DomainError(ErrorCode.NOT_FOUND, `No person with id ${input.supervisorId} (the supervisor).`, "supervisor");
    return input.supervisorId;
  }
  const rows = await tx.run(READ_SUPERVISOR_CANDIDATES, { courseId: input.courseId, caseId: input.caseId });
  const row = rows[0];
  if (row?.interested) return String(row.interested);
  const teachers = (row?.teachers as string[] | undefined) ?? [];
  return teachers.length === 1 ? (teachers[0] ?? null) : null;
}

import { CaseStatus, SprintStatus } from "../../platform/model/graph-enums.js";
import { CaseAction, checkTransition } from "./check-transition.js";
import { lockCase } from "./lock-case.js";
import { recordStatusChange } from "./record-status-change.js";
import { checkActor, type Actor } from "../../platform/auth/resolve-actor.js";
import type { Database, Tx } from "../../platform/neo4j/database.js";
import { readSprint } from "./read-sprint.js";
import type { SprintRecord } from "./sprint-types.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import { checkOverride, type Override, recordOverride } from "./check-override.js";
import { READ_CASE_OF_SPRINT, READ_SPRINT_PERIOD_START, READ_SPRINT_STATUS, START_SPRINT } from "./statements.js";

/** Finds the sprint's case and locks it, so sprint and case change together or not at all. */
export async function lockSprintCase(
  tx: Tx,
  sprintId: string,
): Promise<{ caseId: string; caseStatus: CaseStatus; sprintStatus: SprintStatus }> {
  const rows = await tx.run(READ_CASE_OF_SPRINT, { id: sprintId });
  const caseId = rows[0]?.caseId;
  if (typeof caseId !== "string") throw new DomainError(ErrorCode.NOT_FOUND, `No sprint with id ${sprintId}.`, "sprint");
  const locked = await lockCase(tx, caseId, "sprint");
  const sprint = await tx.run(READ_SPRINT_STATUS, { id: sprintId });
  return { caseId, caseStatus: locked.status, sprintStatus: sprint[0]?.status as SprintStatus };
}

export function requireSprintStatus(actual: SprintStatus, allowed: SprintStatus[], what: string): void {
  if (!allowed.includes(actual)) {
    throw new DomainError(
      ErrorCode.ILLEGAL_TRANSITION,
      `A sprint that is ${actual} cannot ${what}; that needs a sprint that is ${allowed.join(" or ")}.`,
      "sprint",
    );
  }
}

/**
 * MATCHED → IN_SPRINT: the planned sprint starts running. Before its teaching period starts that is
 * refused (BEFORE_PERIOD) unless the coordinator overrides it with a reason, kept on the event.
 */
export async function startSprint(
  db: Database,
  sprintId: string,
  actor: Actor,
  now: string,
  override: Override | null = null,
): Promise<SprintRecord> {
  checkOverride(override);
  return db.writeTx(async (tx) => {
    await checkActor(tx, actor);
    const locked = await lockSprintCase(tx, sprintId);
    requireSprintStatus(locked.sprintStatus, [SprintStatus.PLANNED], "start");
    const to = checkTransition(CaseAction.START_SPRINT, locked.caseStatus) ?? CaseStatus.IN_SPRINT;
    const overrode = await checkPeriodStarted(tx, sprintId, now, override);
    await tx.run(START_SPRINT, { id: sprintId });
    const event = await recordStatusChange(tx, {
      caseId: locked.caseId,
      from: locked.caseStatus,
      to,
      at: now,
      by: actor.id,
      reason: overrode.length > 0 ? (override?.reason ?? null) : null,
    });
    await recordOverride(tx, event.eventId, overrode);
    const sprint = await readSprint(tx, sprintId);
    if (!sprint) throw new Error(`Sprint ${sprintId} vanished.`);
    return sprint;
  });
}

/** A sprint starts in its teaching period, not before (the day `now` falls on, UTC); returns the checks overridden. */
async function checkPeriodStarted(tx: Tx, sprintId: string, now: string, override: Override | null): Promise<string[]> {
  const rows = await tx.run(READ_SPRINT_PERIOD_START, { id: sprintId });
  const start = rows[0]?.startDate;
  // ISO dates compare correctly as strings.
  if (typeof start !== "string" || now.slice(0, 10) >= start) return [];
  if (override) return [ErrorCode.BEFORE_PERIOD];
  const period = rows[0]?.periodName ? `${String(rows[0].periodName)} starts` : "Its period starts";
  throw new DomainError(
    ErrorCode.BEFORE_PERIOD,
    `This sprint cannot start yet: ${period} on ${start}. Pass force: true with a reason to start it anyway.`,
    "sprint",
    { overridable: true, periodStart: start },
  );
}

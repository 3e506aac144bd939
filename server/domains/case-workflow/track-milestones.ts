import { randomUUID } from "node:crypto";
import { isIsoDate } from "../../platform/clock/check-iso-date.js";
import { lockNode } from "../../platform/neo4j/lock-node.js";
import type { Database } from "../../platform/neo4j/database.js";
import { SprintStatus } from "../../platform/model/graph-enums.js";
import type { MilestoneRecord } from "./sprint-types.js";
import { requireSprintStatus } from "./start-sprint.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import { COMPLETE_MILESTONE, CREATE_MILESTONE, READ_MILESTONE, READ_SPRINT_STATUS } from "./statements.js";

const ACTIVE = [SprintStatus.PLANNED, SprintStatus.RUNNING];

/** Adds a milestone to a planned or running sprint. */
export async function addMilestone(db: Database, sprintId: string, title: string, due: string | null): Promise<MilestoneRecord> {
  const cleanTitle = title.trim();
  if (!cleanTitle) throw new DomainError(ErrorCode.BAD_USER_INPUT, "A milestone needs a title.", "title");
  const cleanDue = due?.trim() || null;
  if (cleanDue !== null && !isIsoDate(cleanDue))
    throw new DomainError(ErrorCode.BAD_USER_INPUT, "due must be a date written YYYY-MM-DD.", "due");
  return db.writeTx(async (tx) => {
    if (!(await lockNode(tx, "Sprint", sprintId)))
      throw new DomainError(ErrorCode.NOT_FOUND, `No sprint with id ${sprintId}.`, "sprint");
    const rows = await tx.run(READ_SPRINT_STATUS, { id: sprintId });
    requireSprintStatus(rows[0]?.status as SprintStatus, ACTIVE, "get milestones");
    const id = randomUUID();
    await tx.run(CREATE_MILESTONE, { sprintId, id, title: cleanTitle, due: cleanDue });
    return { id, sprintId, title: cleanTitle, due: cleanDue, done: false };
  });
}

/** Marks a milestone of a planned or running sprint done; done once. */
export async function completeMilestone(db: Database, milestoneId: string, now: string): Promise<MilestoneRecord> {
  return db.writeTx(async (tx) => {
    if (!(await lockNode(tx, "Milestone", milestoneId)))
      throw new DomainError(ErrorCode.NOT_FOUND, `No milestone with id ${milestoneId}.`, "milestone");
    const rows = await tx.run(READ_MILESTONE, { id: milestoneId });
    const row = rows[0];
    if (!row) throw new DomainError(ErrorCode.NOT_FOUND, `Milestone ${milestoneId} belongs to no sprint.`, "milestone");
    requireSprintStatus(row.sprintStatus as SprintStatus, ACTIVE, "have milestones completed");
    if (row.done === true)
      throw new DomainError(ErrorCode.CONFLICT, `Milestone "${String(row.title)}" is already done.`, "milestone");
    await tx.run(COMPLETE_MILESTONE, { id: milestoneId, now });
    return {
      id: milestoneId,
      sprintId: String(row.sprintId),
      title: String(row.title),
      due: (row.due as string | null) ?? null,
      done: true,
    };
  });
}

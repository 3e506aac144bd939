import { randomUUID } from "node:crypto";
import { isIsoDate } from "../../platform/clock/check-iso-date.js";
import { lockNode } from "../../platform/neo4j/lock-node.js";
import type { Database } from "../../platform/neo4j/database.js";
import { SprintStatus } from "../../platform/model/graph-enums.js";
import type { MilestoneRecord } from "./sprint-types.js";
import { requireSprintStatus } from "./start-sprint.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";

const ACTIVE = [SprintStatus.PLANNED, SprintStatus.RUNNING];

/** Adds a milestone to a planned or running sprint. */
export async function addMilestone(db: Database, sprintId: string, title: string, due: string | null): Promise<MilestoneRecord> {
  const cleanTitle = title.trim();
  if (!cleanTitle) throw new DomainError(ErrorCode.BAD_USER_INPUT, "A milestone needs a title.", "title");
  const cleanDue = due?.trim() || null;
  if (cleanDue !== null && !isIsoDate(cleanDue)) throw new DomainError(ErrorCode.BAD_USER_INPUT, "due must be a date written YYYY-MM-DD.", "due");
  return db.writeTx(async (tx) => {
    if (!(await lockNode(tx, "Sprint", sprintId))) throw new DomainError(ErrorCode.NOT_FOUND, `No sprint with id ${sprintId}.`, "sprint");
    const rows = await tx.run("MATCH (s:Sprint {id: $id}) RETURN s.status AS status", { id: sprintId });
    requireSprintStatus(rows[0]?.status as SprintStatus, ACTIVE, "get milestones");
    const id = randomUUID();
    await tx.run(
      `MATCH (s:Sprint {id: $sprintId})
       CREATE (s)-[:HAS_MILESTONE]->(:Milestone {id: $id, title: $title, due: date($due), done: false})`,
      { sprintId, id, title: cleanTitle, due: cleanDue },
    );
    return { id, sprintId, title: cleanTitle, due: cleanDue, done: false };
  });
}

/** Marks a milestone of a planned or running sprint done; done once. */
export async function completeMilestone(db: Database, milestoneId: string, now: string): Promise<MilestoneRecord> {
  return db.writeTx(async (tx) => {
    if (!(await lockNode(tx, "Milestone", milestoneId))) throw new DomainError(ErrorCode.NOT_FOUND, `No milestone with id ${milestoneId}.`, "milestone");
    const rows = await tx.run(
      `MATCH (s:Sprint)-[:HAS_MILESTONE]->(m:Milestone {id: $id})
       RETURN s.id AS sprintId, s.status AS sprintStatus, m.title AS title, toString(m.due) AS due, m.done AS done`,
      { id: milestoneId },
    );
    const row = rows[0];
    if (!row) throw new DomainError(ErrorCode.NOT_FOUND, `Milestone ${milestoneId} belongs to no sprint.`, "milestone");
    requireSprintStatus(row.sprintStatus as SprintStatus, ACTIVE, "have milestones completed");
    if (row.done === true) throw new DomainError(ErrorCode.CONFLICT, `Milestone "${String(row.title)}" is already done.`, "milestone");
    await tx.run("MATCH (m:Milestone {id: $id}) SET m.done = true, m.doneAt = datetime($now)", { id: milestoneId, now });
    return { id: milestoneId, sprintId: String(row.sprintId), title: String(row.title), due: (row.due as string | null) ?? null, done: true };
  });
}

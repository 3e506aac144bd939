import { DomainError, ErrorCode } from "../graphql/domain-error.js";
import { workflowOwnedTypes } from "../model/workflow-doors.js";
import type { Database } from "../neo4j/database.js";
import { readWorkflowLinkedStatement } from "./statements.js";

/**
 * One door per fact, for deletes: a generic delete removes a node with all its relationships, so
 * deleting a course that has sprints, or a person who received proposals, would silently rewire
 * workflow-owned facts (a sprint's course counts against capacity; a timeline names its people).
 * Such a delete is refused (CONFLICT, field `id`); nodes without workflow records delete as before.
 * Erasing a person is `erasePerson`'s job.
 */
export async function checkGenericDelete(db: Database, label: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await db.read(readWorkflowLinkedStatement(label), { ids, owned: Object.keys(workflowOwnedTypes) });
  const row = rows[0];
  if (!row) return;
  const owner = workflowOwnedTypes[String(row.owned)];
  throw new DomainError(
    ErrorCode.CONFLICT,
    `${label} ${String(row.id)} is linked to a ${String(row.owned)}, which only ${owner?.owners.join(", ") ?? "the workflow"} may change; it cannot be deleted here${label === "Person" ? " (to remove a person's data, use erasePerson)" : ""}.`,
    "id",
  );
}

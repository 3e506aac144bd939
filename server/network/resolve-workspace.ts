import type { Database } from "../neo4j/database.js";
import { badUserInput, notFound } from "./check-network-input.js";

/** W: the workspace whose coordinators are the starting side of every warm route. */
export interface WorkspaceSide {
  id: string;
  name: string;
  /** Ids of its coordinators (COORDINATOR_OF), sorted. */
  coordinatorIds: string[];
}

const workspaceQuery = `
MATCH (w:Workspace)
WHERE $workspace IS NULL OR w.id = $workspace
OPTIONAL MATCH (c:Person)-[:COORDINATOR_OF]->(w)
WITH w, collect(DISTINCT c.id) AS coordinatorIds
RETURN w.id AS id, w.name AS name, coordinatorIds
ORDER BY id
LIMIT 2`;

/**
 * The workspace named by `workspace`, or the only one when it is omitted. Several workspaces may
 * share a database, so without an id and with more than one there is no sensible default.
 */
export async function resolveWorkspace(db: Database, workspace: string | null | undefined, field = "workspace"): Promise<WorkspaceSide> {
  const rows = await db.read(workspaceQuery, { workspace: workspace ?? null });
  if (workspace) {
    const row = rows[0];
    if (!row) throw notFound(field, `No workspace has id "${workspace}".`);
    return toSide(row);
  }
  if (rows.length === 0) throw badUserInput(field, "There is no workspace yet; create one and give it coordinators.");
  if (rows.length > 1) throw badUserInput(field, "There are several workspaces; say which one with the workspace argument.");
  return toSide(rows[0]!);
}

function toSide(row: Record<string, unknown>): WorkspaceSide {
  return {
    id: String(row.id),
    name: String(row.name ?? ""),
    coordinatorIds: ((row.coordinatorIds as string[] | null) ?? []).slice().sort(),
  };
}

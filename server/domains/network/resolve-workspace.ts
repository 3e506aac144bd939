import type { Database } from "../../platform/neo4j/database.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import { READ_WORKSPACES } from "./statements.js";

/** A tie is warm at this strength or more unless the workspace says otherwise (warm-threshold.ts). */
export const DEFAULT_WARM_THRESHOLD = 0.5;

/** W: the workspace whose coordinators are the starting side of every warm route. */
export interface WorkspaceSide {
  id: string;
  name: string;
  /** Ids of its coordinators (COORDINATOR_OF), sorted. */
  coordinatorIds: string[];
  /** Its warm threshold (warm-threshold.ts; 0.5 when unset). */
  warmThreshold: number;
}

/**
 * The workspace named by `workspace`, or the only one when it is omitted. Several workspaces may
 * share a database, so without an id and with more than one there is no sensible default.
 */
export async function resolveWorkspace(
  db: Database,
  workspace: string | null | undefined,
  field = "workspace",
): Promise<WorkspaceSide> {
  const rows = await db.read(READ_WORKSPACES, { workspace: workspace ?? null });
  return workspaceFrom((rows[0]?.workspaces as Record<string, unknown>[] | undefined) ?? [], workspace, field);
}

/** The one workspace among the workspaces READ_WORKSPACES (and the statements that embed it) return, or the error that explains why not. */
export function workspaceFrom(
  rows: readonly Record<string, unknown>[],
  workspace: string | null | undefined,
  field = "workspace",
): WorkspaceSide {
  if (workspace) {
    const row = rows[0];
    if (!row) throw new DomainError(ErrorCode.NOT_FOUND, `No workspace has id "${workspace}".`, field);
    return toSide(row);
  }
  if (rows.length === 0)
    throw new DomainError(ErrorCode.BAD_USER_INPUT, "There is no workspace yet; create one and give it coordinators.", field);
  if (rows.length > 1)
    throw new DomainError(
      ErrorCode.BAD_USER_INPUT,
      "There are several workspaces; say which one with the workspace argument.",
      field,
    );
  return toSide(rows[0]!);
}

function toSide(row: Record<string, unknown>): WorkspaceSide {
  return {
    id: String(row.id),
    name: String(row.name ?? ""),
    coordinatorIds: ((row.coordinatorIds as string[] | null) ?? []).slice().sort(),
    warmThreshold: row.warmThreshold == null ? DEFAULT_WARM_THRESHOLD : Number(row.warmThreshold),
  };
}

import type { Database, Tx } from "../../platform/neo4j/database.js";
import { checkStrength } from "./check-network-input.js";
import { DEFAULT_WARM_THRESHOLD, resolveWorkspace } from "./resolve-workspace.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import { READ_WARM_THRESHOLD, SET_WARM_THRESHOLD } from "./statements.js";
import type { WarmThresholdState } from "./WarmPathTypes.js";

/**
 * One meaning of warm per workspace: a tie is warm when its strength is at least the workspace's
 * `warmThreshold` (stored on the Workspace node; unset = DEFAULT_WARM_THRESHOLD). Embedding,
 * nextBestContacts, the suggestions' warm path factor and the explorer's default minimum strength
 * use it; a query that passes its own threshold still may.
 */
export { DEFAULT_WARM_THRESHOLD };

/**
 * The threshold the warm path factor uses for these workspaces: the lowest of theirs (a route warm
 * for any of them counts), or of every workspace when none is named; the default when there are none.
 */
export async function readWarmThreshold(tx: Tx, workspaces: readonly string[]): Promise<number> {
  const rows = await tx.run(READ_WARM_THRESHOLD, { workspaces: [...workspaces], fallback: DEFAULT_WARM_THRESHOLD });
  const value = rows[0]?.threshold;
  return value === null || value === undefined ? DEFAULT_WARM_THRESHOLD : Number(value);
}

/**
 * setWarmThreshold: a coordinator's or admin's choice of where warm starts, 0 < threshold ≤ 1
 * (BAD_USER_INPUT on `threshold` otherwise; a workspace that does not exist is NOT_FOUND on
 * `workspace`). The stored embedding figures keep the threshold they were computed with until the
 * next refresh (scheduled, or refreshEmbedding).
 */
export async function setWarmThreshold(
  db: Database,
  input: { workspace?: string | null; threshold: number },
): Promise<WarmThresholdState> {
  const threshold = checkStrength(input.threshold, "threshold");
  if (threshold === 0)
    throw new DomainError(ErrorCode.BAD_USER_INPUT, "threshold must be more than 0: at 0 every tie would be warm.", "threshold");
  const side = await resolveWorkspace(db, input.workspace);
  const rows = await db.writeTx((tx) => tx.run(SET_WARM_THRESHOLD, { workspace: side.id, threshold }));
  const row = rows[0];
  if (!row) throw new DomainError(ErrorCode.NOT_FOUND, `No workspace has id "${side.id}".`, "workspace");
  return {
    workspace: side.id,
    warmThreshold: Number(row.warmThreshold),
    previous: row.previous == null ? DEFAULT_WARM_THRESHOLD : Number(row.previous),
  };
}

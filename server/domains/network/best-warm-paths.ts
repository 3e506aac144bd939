import type { Database, Tx } from "../../platform/neo4j/database.js";
import { checkMaxHops, checkStrength } from "./check-network-input.js";
import { cachedCypher, rankedPathsCall, toRankedPaths } from "./rank-warm-paths.js";

/** The score (product of the tie strengths) and the hops of a best warm path. */
export interface BestWarmPath {
  score: number;
  hops: number;
}

export interface BestWarmPathsInput {
  /** Whose coordinators start the paths: these workspaces, or every workspace when empty. */
  workspaces: readonly string[];
  /** The people to find a path to, each on its own. */
  targets: readonly string[];
  minStrength: number;
  maxHops?: number;
}

export const bestWarmPathDefaults = { maxHops: 4 } as const;

/**
 * The coordinators of the workspaces, and the best path from them to each target as warmPaths
 * would rank it for that target alone (`warmPaths(to: target, from: coordinators, k: 1)`): the
 * same search (rank-warm-paths.ts, one statement at minStrength, no ladder: the floor is the
 * threshold itself). A target who is a coordinator is reached in 0 hops with score 1.
 */
function bestWarmPathsStatement(maxHops: number): string {
  return `
WITH COLLECT {
       MATCH (c:Person)-[:COORDINATOR_OF]->(w:Workspace)
       WHERE size($workspaces) = 0 OR w.id IN $workspaces
       RETURN DISTINCT c.id
     } AS sources
WITH sources, [id IN $targets WHERE NOT id IN sources] AS targets, [id IN $targets WHERE id IN sources] AS coordinators,
     toFloat($minStrength) AS floor${rankedPathsCall(maxHops, "best-per-target")}
RETURN coordinators, paths`;
}

/**
 * The best warm path from the coordinators to each target that has one, in one statement in the
 * caller's transaction (`tx`). Targets without a path within the limits are left out.
 */
export async function searchBestWarmPaths(tx: Tx, input: BestWarmPathsInput): Promise<Map<string, BestWarmPath>> {
  const found = new Map<string, BestWarmPath>();
  const targets = [...new Set(input.targets)];
  if (targets.length === 0) return found;
  const maxHops = checkMaxHops(input.maxHops ?? bestWarmPathDefaults.maxHops);
  const minStrength = checkStrength(input.minStrength, "minStrength");
  const cypher = cachedCypher(`best:${maxHops}`, () => bestWarmPathsStatement(maxHops));
  const row = (await tx.run(cypher, { workspaces: [...input.workspaces], targets, minStrength, avoid: [] }))[0];
  for (const id of (row?.coordinators as string[] | undefined) ?? []) found.set(id, { score: 1, hops: 0 });
  for (const path of toRankedPaths(row?.paths)) found.set(path.personIds.at(-1)!, { score: path.score, hops: path.hops });
  return found;
}

/**
 * Answers kept while the graph is unchanged, like WarmTieStore: tagged with the graph version read
 * before the search, and used only by a request that reads the same version, so any write (a tie,
 * a coordinator, a person) is seen at once. Per driver and database, per workspaces and limits.
 */
interface Memo {
  version: string;
  paths: Map<string, BestWarmPath | null>;
}
const memos = new WeakMap<object, Map<string, Memo>>();
const KEPT_SCOPES = 8;

/**
 * searchBestWarmPaths, remembering the answers while the graph is unchanged: only targets not
 * asked about at this graph version are searched (one statement, none when all are known).
 */
export async function bestWarmPaths(db: Database, input: BestWarmPathsInput): Promise<Map<string, BestWarmPath>> {
  const version = await db.graphVersion();
  if (version === null) return db.readEach((tx) => searchBestWarmPaths(tx, input));
  const key = `${db.name}|${[...input.workspaces].sort().join(",")}|${input.minStrength}|${input.maxHops ?? bestWarmPathDefaults.maxHops}`;
  let scopes = memos.get(db.driver);
  if (!scopes) memos.set(db.driver, (scopes = new Map()));
  let memo = scopes.get(key);
  if (!memo || memo.version !== version) memo = { version, paths: new Map() };
  scopes.delete(key);
  scopes.set(key, memo);
  for (const old of scopes.keys()) {
    if (scopes.size <= KEPT_SCOPES) break;
    scopes.delete(old);
  }
  const missing = [...new Set(input.targets)].filter((id) => !memo.paths.has(id));
  if (missing.length > 0) {
    const found = await db.readEach((tx) => searchBestWarmPaths(tx, { ...input, targets: missing }));
    for (const id of missing) memo.paths.set(id, found.get(id) ?? null);
  }
  const paths = new Map<string, BestWarmPath>();
  for (const id of input.targets) {
    const path = memo.paths.get(id);
    if (path) paths.set(id, path);
  }
  return paths;
}

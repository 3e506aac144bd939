import type { Database, Tx } from "../../platform/neo4j/database.js";
import { checkMaxHops, checkStrength } from "./check-network-input.js";
import { cachedCypher } from "./rank-warm-paths.js";
import { readWarmThreshold } from "./warm-threshold.js";
import { bestWarmPathSourcesStatement, bestWarmPathTargetsStatement, READ_BEST_PATH_COORDINATORS } from "./statements.js";

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
  /** Only ties at least this strong; null: the workspaces' warm threshold (the lowest of them, readWarmThreshold). */
  minStrength: number | null;
  maxHops?: number;
}

/** The input with its minimum strength decided. */
export type SettledInput = BestWarmPathsInput & { minStrength: number };

/** A null minStrength becomes the workspaces' warm threshold (warm-threshold.ts). */
export async function settle(tx: Tx, input: BestWarmPathsInput): Promise<SettledInput> {
  if (input.minStrength !== null) return { ...input, minStrength: input.minStrength };
  return { ...input, minStrength: await readWarmThreshold(tx, input.workspaces) };
}

export const bestWarmPathDefaults = { maxHops: 4 } as const;

/**
 * For each target on its own, the score and hops of the path warmPaths(to: target, from: the
 * coordinators, k: 1, maxHops, minStrength) returns first (docs/network-analytics.md): by score
 * (rounded to 9 decimals), then fewer hops. A target who is a coordinator: 0 hops, score 1.
 *
 * The same meeting in the middle as rank-warm-paths.ts (a path of L ties splits into a source half
 * of ceil(L/2) ties and a target half of floor(L/2)), but since only the best path per target is
 * wanted, each half is reduced to the best one per meeting person instead of joining them all: the
 * coordinators' side once (`sources`, person id → [score, hops], a map the second statement looks
 * up), then two hops from each target. The halves may form a walk that repeats someone or passes
 * another coordinator; strengths are at most 1, so such a walk never beats the simple path inside
 * it, which is shorter: the best (score, hops) is a simple path's, exactly as warmPaths ranks it.
 * Around a hub this reads each half once, where enumerating every joined path would not fit.
 * The two statements: bestWarmPathSourcesStatement and bestWarmPathTargetsStatement (statements.ts).
 *
 * Sources: person id → [best score from a coordinator within the source half, its hops].
 */
type Sources = Record<string, [number, number]>;

export function settings(input: SettledInput): { maxHops: number; minStrength: number } {
  return {
    maxHops: checkMaxHops(input.maxHops ?? bestWarmPathDefaults.maxHops),
    minStrength: checkStrength(input.minStrength, "minStrength"),
  };
}

async function readSources(tx: Tx, input: SettledInput): Promise<Sources> {
  const { maxHops, minStrength } = settings(input);
  const cypher = cachedCypher(`best-sources:${maxHops}`, () => bestWarmPathSourcesStatement(maxHops));
  const sources: Sources = {};
  for (const row of await tx.run(cypher, { workspaces: [...input.workspaces], minStrength })) {
    if (typeof row.id === "string") sources[row.id] = [Number(row.score), Number(row.hops)];
  }
  return sources;
}

async function readTargets(
  tx: Tx,
  input: SettledInput,
  sources: Sources,
  targets: readonly string[],
): Promise<Map<string, BestWarmPath>> {
  const found = new Map<string, BestWarmPath>();
  if (targets.length === 0 || Object.keys(sources).length === 0) return found;
  const { maxHops, minStrength } = settings(input);
  const cypher = cachedCypher(`best-targets:${maxHops}`, () => bestWarmPathTargetsStatement(maxHops));
  for (const row of await tx.run(cypher, { targets: [...targets], sources, minStrength })) {
    found.set(String(row.id), { score: Number(row.score), hops: Number(row.hops) });
  }
  return found;
}

/**
 * The best warm path to each target that has one, in the caller's transaction (two statements).
 * Targets without a path within the limits are left out.
 */
export async function searchBestWarmPaths(tx: Tx, given: BestWarmPathsInput): Promise<Map<string, BestWarmPath>> {
  const targets = [...new Set(given.targets)];
  if (targets.length === 0) return new Map();
  const input = await settle(tx, given);
  return readTargets(tx, input, await readSources(tx, input), targets);
}

/**
 * The coordinators' side and the answers, kept while the ties and the coordinators are unchanged,
 * like WarmTieStore: tagged with the tie version (server/platform/neo4j/tie-version.ts) and the
 * coordinators' ids, both read before anything else, and used only by a request that reads the
 * same tag, so a tie write or a coordinator added or removed counts at once, while a case saved or
 * a proposal answered leaves it warm. The threshold is part of the key (settled after the tag).
 * Per driver and database, per workspaces and limits.
 */
interface Memo {
  version: string;
  sources: Promise<Sources>;
  paths: Map<string, BestWarmPath | null>;
}
const memos = new WeakMap<object, Map<string, Memo>>();
const KEPT_SCOPES = 8;

/**
 * searchBestWarmPaths, remembering while the graph is unchanged: the coordinators' side is read
 * once per graph version, and only targets not asked about at this version are searched (one
 * statement; none when all are known).
 */
export async function bestWarmPaths(db: Database, given: BestWarmPathsInput): Promise<Map<string, BestWarmPath>> {
  const targets = [...new Set(given.targets)];
  if (targets.length === 0) return new Map();
  // The tag and the threshold, together; all before the sources, so a memo is never newer than its tag.
  const [ties, coordinators, input] = await Promise.all([
    db.tieVersion(),
    db.read(READ_BEST_PATH_COORDINATORS, { workspaces: [...given.workspaces] }),
    db.readEach((tx) => settle(tx, given)),
  ]);
  if (ties === null) return db.readEach((tx) => searchBestWarmPaths(tx, given));
  const version = `${ties}|${((coordinators[0]?.coordinators as string[] | undefined) ?? []).join(",")}`;
  const { maxHops, minStrength } = settings(input);
  const key = `${db.name}|${[...input.workspaces].sort().join(",")}|${minStrength}|${maxHops}`;
  let scopes = memos.get(db.driver);
  if (!scopes) memos.set(db.driver, (scopes = new Map()));
  let memo = scopes.get(key);
  if (!memo || memo.version !== version) {
    const fresh: Memo = { version, sources: db.readEach((tx) => readSources(tx, input)), paths: new Map() };
    const kept = scopes;
    // A failed read is not kept: the next request tries again.
    fresh.sources.catch(() => {
      if (kept.get(key) === fresh) kept.delete(key);
    });
    memo = fresh;
  }
  scopes.delete(key);
  scopes.set(key, memo);
  for (const old of scopes.keys()) {
    if (scopes.size <= KEPT_SCOPES) break;
    scopes.delete(old);
  }
  const missing = targets.filter((id) => !memo.paths.has(id));
  if (missing.length > 0) {
    const sources = await memo.sources;
    const found = await db.readEach((tx) => readTargets(tx, input, sources, missing));
    for (const id of missing) memo.paths.set(id, found.get(id) ?? null);
  }
  const paths = new Map<string, BestWarmPath>();
  for (const id of targets) {
    const path = memo.paths.get(id);
    if (path) paths.set(id, path);
  }
  return paths;
}

import type { Database } from "../../platform/neo4j/database.js";
import { rankWarmPathsStatement, STRENGTH_LADDER } from "./statements.js";
import type { PathTie } from "./WarmPathTypes.js";

/** One ranked simple path: person ids from the starting person to the target, and its ties in order. */
export interface RankedPath {
  personIds: string[];
  ties: PathTie[];
  /** Product of the tie strengths, multiplied from the first tie to the last. */
  score: number;
  hops: number;
}

/** Knobs of the search that do not change its answer; tests set lightEnds 0 to force the ladder. */
export interface SearchTuning {
  lightEnds?: number;
}

export interface RankWarmPathsInput {
  /** The starting people; none of them may appear in `avoid`. */
  sources: readonly string[];
  /** The people a path may end at; disjoint from `sources` and `avoid`. */
  targets: readonly string[];
  avoid: readonly string[];
  k: number;
  maxHops: number;
  minStrength: number;
}

/**
 * The strength ladder: how the search stays exact and small around well-connected people.
 *
 * Enumerating every path within maxHops is cheap between ordinary people (20 ties each: a few
 * hundred half paths) but not from a hub: a coordinator with 4,000 ties has 200,000 two-tie
 * halves, and joining those with a programme's 30 role holders' halves is millions of paths. The
 * k best paths are found on a much smaller graph instead, exactly:
 *
 *  - A search at floor f (halves grow only over ties of at least f) returns the k best of the
 *    paths whose ties are all at least f. Let θ be the k-th score among them. There are k paths
 *    scoring at least θ, so every path of the true top k scores at least θ − 1e-9 (1e-9: scores
 *    are compared rounded to 9 decimals), and since strengths are at most 1, each of its ties is
 *    at least its score. So if θ − 1e-9 ≥ f, every true top-k path was in the search: its answer
 *    is the answer. If θ − 1e-9 < f, one more search at floor θ − 1e-9 (or minStrength, if higher)
 *    is exact by the same argument.
 *  - A search that finds fewer than k paths proves nothing about weaker ties: the next rung of
 *    the ladder (STRENGTH_LADDER, then minStrength itself) is tried.
 *
 * When the ends are light (the sum of their degrees at most LIGHT_ENDS, the $lightEnds parameter)
 * the first search already runs at minStrength: one statement, no ladder.
 */
export { STRENGTH_LADDER };
export const LIGHT_ENDS = 1000;

/** The floor of the next search, or null when the search at `floor` was exact. */
export function nextFloor(paths: readonly { score: number }[], floor: number, minStrength: number, k: number): number | null {
  if (floor <= minStrength) return null;
  const kth = paths[k - 1];
  if (kth) {
    const bound = kth.score - 1e-9;
    return bound >= floor ? null : Math.max(minStrength, bound);
  }
  const lower = STRENGTH_LADDER.find((rung) => rung < floor && rung > minStrength);
  return lower ?? minStrength;
}

const cypherByShape = new Map<string, string>();

/** The statement text for a shape, built once: the same text lets Neo4j reuse its cached plan. */
export function cachedCypher(key: string, build: () => string): string {
  let text = cypherByShape.get(key);
  if (!text) {
    text = build();
    cypherByShape.set(key, text);
  }
  return text;
}

/** The ranked paths as the search statements return them (`paths`). */
export function toRankedPaths(paths: unknown): RankedPath[] {
  return ((paths as Array<{ ids: string[]; ties: PathTie[]; score: number }> | null) ?? []).map((p) => ({
    personIds: p.ids,
    ties: p.ties,
    score: Number(p.score),
    hops: p.ties.length,
  }));
}

/**
 * Climbs down the strength ladder from a first result (floor and paths) until a search is exact;
 * `search` runs the statement at a given floor. Each further rung is one more statement, needed
 * only around hubs.
 */
export async function descendLadder<T extends { floor: number; paths: RankedPath[] }>(
  first: T,
  input: { minStrength: number; k: number },
  search: (floor: number) => Promise<T>,
): Promise<T> {
  let result = first;
  for (let floor = nextFloor(result.paths, result.floor, input.minStrength, input.k); floor !== null;) {
    result = await search(floor);
    floor = nextFloor(result.paths, result.floor, input.minStrength, input.k);
  }
  return result;
}

/** Runs the ranked path search; inputs are assumed valid (the service checks them). */
export async function rankWarmPaths(db: Database, input: RankWarmPathsInput, tuning: SearchTuning = {}): Promise<RankedPath[]> {
  const sources = [...new Set(input.sources)];
  const targets = [...new Set(input.targets)];
  if (sources.length === 0 || targets.length === 0) return [];
  const cypher = cachedCypher(`rank:${input.maxHops}`, () => rankWarmPathsStatement(input.maxHops));
  const run = async (floor: number | null) => {
    const params = {
      sources,
      targets,
      avoid: [...input.avoid],
      minStrength: input.minStrength,
      k: input.k,
      floor,
      lightEnds: tuning.lightEnds ?? LIGHT_ENDS,
    };
    const row = (await db.read(cypher, params))[0];
    return { floor: Number(row?.floor ?? input.minStrength), paths: toRankedPaths(row?.paths) };
  };
  return (await descendLadder(await run(null), input, run)).paths;
}

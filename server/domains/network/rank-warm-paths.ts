import type { Database } from "../../platform/neo4j/database.js";
import { MAX_HOPS_LIMIT } from "./check-network-input.js";
import { rolesOfPerson } from "./describe-people.js";
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
 * The k best simple paths, by meeting in the middle. Every simple path of L ties splits at its
 * person number ceil(L/2) (counting the first as 0) into a source half of a = ceil(L/2) ties and a
 * target half of b = floor(L/2) ties, so a - b is 0 or 1 and each path is found exactly once. The
 * halves are expanded from both ends (a ≤ ceil(maxHops/2), b ≤ floor(maxHops/2)) and hash-joined
 * on the meeting person; a 1-tie path is a direct tie. This enumerates exactly the simple paths
 * within maxHops without ever expanding maxHops deep from one side (degree 20: 2 × 20² half paths
 * rather than 20⁴ paths).
 *
 * A Cypher fragment: `CALL (sources, targets, floor) {…}` yielding one row with `paths`, the
 * ranked paths as maps {ids, ties, score}, best first. `sources` and `targets` are lists of person
 * ids, `$avoid` too; `blocked` holds the source, target and avoided Person nodes. Interior people
 * are never blocked, so a path holds exactly one source (its first person) and one target
 * (its last); comparing nodes rather than their ids reads no property per expanded person.
 *
 * Strength: the halves grow only over ties of at least `floor` (see the strength ladder below;
 * floor 0 reads no strength while expanding), and a joined path must have every tie at least
 * $minStrength (a tie without a strength is on no path).
 *
 * The hop bounds must be literals in Cypher, so the text is built from the validated integer
 * maxHops only; every user value is a parameter or a variable. The hints pin the plan: the ends
 * are found by index seek and the halves joined on m. A plan cached while the graph was tiny could
 * otherwise scan every person as a possible end, which on a large graph joins millions of halves.
 *
 * Ranking: score (product of strengths, rounded to 9 decimals so that equal products computed in
 * different orders tie) descending, then fewer ties, then the list of person ids ascending.
 */
export function rankedPathsCall(maxHops: number): string {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > MAX_HOPS_LIMIT) throw new Error(`maxHops ${maxHops} out of range`);
  const sourceHalf = Math.ceil(maxHops / 2);
  const targetHalf = Math.floor(maxHops / 2);
  const direct = `
      MATCH (s:Person)-[r:KNOWS]-(t:Person)
      USING INDEX s:Person(id)
      WHERE s.id IN sources AND t.id IN targets
      RETURN [s, t] AS people, [r] AS ties`;
  const meeting =
    targetHalf === 0
      ? ""
      : `
      UNION ALL
      MATCH (s:Person)((a)-[r:KNOWS]-(b) WHERE (floor = 0.0 OR r.strength >= floor) AND NOT b IN blocked){1,${sourceHalf}}(m),
            (t:Person)((c)-[q:KNOWS]-(d) WHERE (floor = 0.0 OR q.strength >= floor) AND NOT d IN blocked){1,${targetHalf}}(m)
      USING INDEX s:Person(id)
      USING INDEX t:Person(id)
      USING JOIN ON m
      WHERE s.id IN sources AND t.id IN targets AND size(r) - size(q) IN [0, 1]
      WITH [s] + b + reverse(d)[1..] + [t] AS people, r + reverse(q) AS ties
      WHERE all(i IN range(0, size(people) - 2) WHERE NOT people[i] IN people[i + 1..])
      RETURN people, ties`;
  return `
CALL (sources, targets, floor) {
  CALL (sources, targets) {
    MATCH (x:Person) WHERE x.id IN sources + targets + $avoid
    RETURN collect(x) AS blocked
  }
  CALL (sources, targets, blocked, floor) {${direct}${meeting}
  }
  WITH people, ties
  WHERE all(e IN ties WHERE e.strength >= $minStrength AND e.strength >= floor)
  WITH people, ties, reduce(x = 1.0, e IN ties | x * e.strength) AS score
  ORDER BY round(score * 1.0e9) DESC, size(ties) ASC, [p IN people | p.id] ASC
  LIMIT toInteger($k)
  RETURN collect({
    ids: [p IN people | p.id],
    ties: [e IN ties | {strength: e.strength, channel: e.channel, since: e.since, lastContact: e.lastContact, manual: coalesce(e.manual, false)}],
    score: score
  }) AS paths
}`;
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
export const STRENGTH_LADDER = [0.9, 0.6, 0.3] as const;
export const LIGHT_ENDS = 1000;

/** The first floor, as a Cypher expression over `sources` and `targets` (id lists). */
export const firstFloorExpression = `
  CASE
    WHEN COUNT { MATCH (e:Person)-[:KNOWS]-() WHERE e.id IN sources + targets } <= $lightEnds THEN $minStrength
    WHEN $minStrength >= ${STRENGTH_LADDER[0]} THEN $minStrength
    ELSE ${STRENGTH_LADDER[0]}
  END`;

/** The floor of the next search, or null when the search at `floor` was exact. */
export function nextFloor(paths: readonly RankedPath[], floor: number, minStrength: number, k: number): number | null {
  if (floor <= minStrength) return null;
  const kth = paths[k - 1];
  if (kth) {
    const bound = kth.score - 1e-9;
    return bound >= floor ? null : Math.max(minStrength, bound);
  }
  const lower = STRENGTH_LADDER.find((rung) => rung < floor && rung > minStrength);
  return lower ?? minStrength;
}

/**
 * The standalone search statement, on parameters $sources, $targets, $avoid and $floor (null: the
 * first floor, chosen from the ends' degrees). With `describe`, the people on the paths are
 * described in the same statement (profiles, see describe-people.ts).
 */
export function warmPathsCypher(maxHops: number, describe = false): string {
  return `
WITH $sources AS sources, $targets AS targets
WITH sources, targets, coalesce($floor, ${firstFloorExpression}) AS floor${rankedPathsCall(maxHops)}${describe ? describePathPeopleCall : ""}
RETURN floor, paths${describe ? ", profiles" : ""}`;
}

/** Names and roles of everyone on `paths`, as `profiles` (rows for profilesFromRows). */
export const describePathPeopleCall = `
CALL (paths) {
  UNWIND paths AS path
  UNWIND path.ids AS id
  WITH DISTINCT id
  MATCH (p:Person {id: id})${rolesOfPerson}
  RETURN collect({id: p.id, name: p.name, jobTitle: p.jobTitle, roles: roles}) AS profiles
}`;

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

/** The ranked paths as rankedPathsCall returns them. */
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
  for (let floor = nextFloor(result.paths, result.floor, input.minStrength, input.k); floor !== null; ) {
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
  const cypher = cachedCypher(`rank:${input.maxHops}`, () => warmPathsCypher(input.maxHops));
  const run = async (floor: number | null) => {
    const params = { sources, targets, avoid: [...input.avoid], minStrength: input.minStrength, k: input.k, floor, lightEnds: tuning.lightEnds ?? LIGHT_ENDS };
    const row = (await db.read(cypher, params))[0];
    return { floor: Number(row?.floor ?? input.minStrength), paths: toRankedPaths(row?.paths) };
  };
  return (await descendLadder(await run(null), input, run)).paths;
}

import type { Database } from "../../platform/neo4j/database.js";
import { bestWarmPaths, settings as limitsOf, settle, type BestWarmPath, type BestWarmPathsInput } from "./best-warm-paths.js";
import { READ_BEST_PATH_COORDINATORS } from "./statements.js";
import type { TieGraph } from "./tie-graph.js";
import { heldTieGraph, tieGraphAt, type TieGraphSettings } from "./TieGraphStore.js";

/**
 * bestWarmPaths (best-warm-paths.ts) over the tie graph the analytics worker holds (TieGraphStore.ts, tagged with the tie
 * version and following tie writes), for the suggestions' warm-path factor (issue #19): the same two halves as
 * bestWarmPathSourcesStatement and bestWarmPathTargetsStatement, walked in JavaScript instead of Cypher, so that the
 * coordinators' half (52,450 people at L, 1.7-1.8 s in Neo4j) is not read again after every interaction logged, and is
 * not sent as a map parameter with every search for new teachers.
 *
 * The rule, exactly as the statements state it (docs/network-analytics.md, "Best warm path per teacher"):
 *  - sources: every trail (ties distinct, people may repeat: Cypher's quantified path pattern) of 0 to ceil(maxHops/2)
 *    ties of strength >= minStrength from each coordinator of the workspaces; per person reached the best by
 *    round(score × 1e9) descending, then fewer ties, then the larger raw score, where score = reduce(s = 1.0, tie | s × strength) from the
 *    coordinator out;
 *  - per target: every trail of 0 to floor(maxHops/2) such ties from the target to a person m among the sources;
 *    score = sources[m].score × reduce(s = 1.0, tie | s × strength) from the target out, hops = sources[m].hops + ties;
 *    the best by the same order (rounded score, hops, raw score).
 * The products are taken in the same order as the statements take them, so a score is the same double; of two trails
 * whose products round alike with the same hops, both keep the larger raw product (the statements' last ORDER BY key,
 * added for this: before, the database's row order chose, and the raw score could differ in its last bits).
 *
 * Ties the graph leaves out (tie-graph.ts): a tie without a strength (never >= minStrength in Cypher either) and a tie
 * from a person to themselves (a trail through it has the score of the trail without it times a strength <= 1, and one
 * tie more: never better, strengths being at most 1).
 *
 * The database's search answers instead (bestWarmPaths, with its memo) when there is no tie version or no tie graph is
 * held at the version read (not loaded yet, too large; its load then starts in the background): `answeredBestInMemory`
 * counts which way each request went.
 */
export const answeredBestInMemory = { memory: 0, database: 0 };

/** The coordinators' half, per person number of the graph: the best score and its hops (NaN: not reached). */
interface SourceHalf {
  key: string;
  score: Float64Array;
  hops: Uint8Array;
  /** The coordinators the graph does not hold (no tie at all): reached at 0 ties with score 1 only by themselves. */
  outside: Set<string>;
}

/**
 * Per graph, the last few (a graph is changed in place as it follows tie writes: the key holds its version, the
 * coordinators and the limits).
 */
const sourceHalves = new WeakMap<TieGraph, SourceHalf[]>();
const KEPT_HALVES = 4;

export async function bestWarmPathsInMemory(
  db: Database,
  given: BestWarmPathsInput,
  options: TieGraphSettings,
): Promise<Map<string, BestWarmPath>> {
  const targets = [...new Set(given.targets)];
  if (targets.length === 0) return new Map();
  const [ties, coordinatorRows, input] = await Promise.all([
    db.tieVersion(),
    db.read(READ_BEST_PATH_COORDINATORS, { workspaces: [...given.workspaces] }),
    db.readEach((tx) => settle(tx, given)),
  ]);
  const fallBack = (): Promise<Map<string, BestWarmPath>> => {
    answeredBestInMemory.database += 1;
    return bestWarmPaths(db, given);
  };
  if (ties === null || !ties.startsWith("ties:")) return fallBack();
  const { maxHops, minStrength } = limitsOf(input);
  const coordinators = (coordinatorRows[0]?.coordinators as string[] | undefined) ?? [];
  await tieGraphAt(db, ties, options);
  // Taken after the last await: a follow of a later tie write may have moved the graph on meanwhile.
  const held = heldTieGraph(db);
  if (held?.version !== ties) return fallBack();
  answeredBestInMemory.memory += 1;
  return searchBestWarmPathsInGraph(held.graph, held.version, coordinators, targets, {
    maxHops,
    minStrength,
  });
}

/**
 * Both halves on `graph` (synchronous: the graph cannot move meanwhile). `version` names the graph's state (no "|"), for
 * the coordinators' half kept per graph, version, coordinators and limits.
 */
export function searchBestWarmPathsInGraph(
  graph: TieGraph,
  version: string,
  coordinators: readonly string[],
  targets: readonly string[],
  limits: { maxHops: number; minStrength: number },
): Map<string, BestWarmPath> {
  const found = new Map<string, BestWarmPath>();
  if (coordinators.length === 0) return found;
  const sources = sourceHalf(
    graph,
    `${version}|${coordinators.join(",")}|${limits.minStrength}|${limits.maxHops}`,
    coordinators,
    limits,
  );
  const length = Math.floor(limits.maxHops / 2);
  for (const id of new Set(targets)) {
    const t = graph.indexOf.get(id);
    if (t === undefined) {
      // No tie at all: only the empty trail, which meets the sources only when the target is a coordinator.
      if (sources.outside.has(id)) found.set(id, { score: 1.0, hops: 0 });
      continue;
    }
    const best = { key: Number.NEGATIVE_INFINITY, score: 0, hops: 0 };
    if (length <= 2) {
      // The same trails in the same order as walkTrails below, in two plain loops (the target's half is walked for every
      // teacher of every request: ~400 at L, each with ~27 ties, so ~300,000 trails): the same products, so the same doubles.
      bestOfShortTrails(graph, t, length, limits.minStrength, sources, best);
      if (best.key > Number.NEGATIVE_INFINITY) found.set(id, { score: best.score, hops: best.hops });
      continue;
    }
    const consider = (m: number, product: number, steps: number): void => {
      const from = sources.score[m]!;
      if (Number.isNaN(from)) return;
      // As the statement: $sources[m.id][0] * reduce(s = 1.0, x IN r | s * x.strength).
      const score = from * product;
      const hops = sources.hops[m]! + steps;
      const key = Math.round(score * 1.0e9);
      if (better(key, hops, score, best.key, best.hops, best.score)) Object.assign(best, { key, score, hops });
    };
    // Trails from the target, as the statement's quantified path pattern walks them.
    walkTrails(graph, t, length, limits.minStrength, consider);
    if (best.key > Number.NEGATIVE_INFINITY) found.set(id, { score: best.score, hops: best.hops });
  }
  return found;
}

function sourceHalf(
  graph: TieGraph,
  key: string,
  coordinators: readonly string[],
  limits: { maxHops: number; minStrength: number },
): SourceHalf {
  const kept = sourceHalves.get(graph) ?? [];
  const found = kept.find((h) => h.key === key);
  if (found) return found;
  const people = graph.ids.length;
  const half: SourceHalf = {
    key,
    score: new Float64Array(people).fill(Number.NaN),
    hops: new Uint8Array(people),
    outside: new Set(),
  };
  const length = Math.ceil(limits.maxHops / 2);
  const keys = new Float64Array(people).fill(Number.NEGATIVE_INFINITY);
  const reach = (m: number, score: number, hops: number): void => {
    const k = Math.round(score * 1.0e9);
    if (better(k, hops, score, keys[m]!, half.hops[m]!, half.score[m]!)) {
      keys[m] = k;
      half.score[m] = score;
      half.hops[m] = hops;
    }
  };
  for (const id of new Set(coordinators)) {
    const c = graph.indexOf.get(id);
    if (c === undefined) half.outside.add(id);
    else if (length <= 2) walkShortTrails(graph, c, length, limits.minStrength, reach);
    else walkTrails(graph, c, length, limits.minStrength, reach);
  }
  sourceHalves.set(graph, [half, ...kept.filter((h) => h.key.split("|")[0] === key.split("|")[0])].slice(0, KEPT_HALVES));
  return half;
}

/**
 * The best join of the trails of 0 to `length` (at most 2) ties from `t` with the sources, into `best`: walkTrails and
 * `consider` above unrolled — the trails visited in walkTrails' order (t; each tie's far end, then the trails on from
 * it through another tie), each product taken from `t` out, each compared by `better` as it comes. The same loops as
 * walkShortTrails below, on purpose: one walker given both halves' closures (`reach` and `consider`) measured slower —
 * after a tie write ~19–22 → ~23–28 ms at L, paired runs, session 15 — as its call of `visit` no longer sees one function.
 */
function bestOfShortTrails(
  graph: TieGraph,
  t: number,
  length: number,
  least: number,
  sources: SourceHalf,
  best: { key: number; score: number; hops: number },
): void {
  const { first, degree, neighbours, ties, strengths } = graph;
  const { score: sourceScore, hops: sourceHops } = sources;
  let bestKey = best.key;
  let bestScore = best.score;
  let bestHops = best.hops;
  const consider = (m: number, product: number, steps: number): void => {
    const from = sourceScore[m]!;
    if (Number.isNaN(from)) return;
    const score = from * product;
    const hops = sourceHops[m]! + steps;
    const key = Math.round(score * 1.0e9);
    if (better(key, hops, score, bestKey, bestHops, bestScore)) {
      bestKey = key;
      bestScore = score;
      bestHops = hops;
    }
  };
  consider(t, 1.0, 0);
  if (length >= 1) {
    for (let e1 = first[t]!, end1 = e1 + degree[t]!; e1 < end1; e1++) {
      const tie1 = ties[e1]!;
      const s1 = strengths[tie1]!;
      if (!(s1 >= least)) continue;
      const n1 = neighbours[e1]!;
      const p1 = 1.0 * s1;
      consider(n1, p1, 1);
      if (length < 2) continue;
      for (let e2 = first[n1]!, end2 = e2 + degree[n1]!; e2 < end2; e2++) {
        const tie2 = ties[e2]!;
        const s2 = strengths[tie2]!;
        if (!(s2 >= least) || tie2 === tie1) continue;
        consider(neighbours[e2]!, p1 * s2, 2);
      }
    }
  }
  best.key = bestKey;
  best.score = bestScore;
  best.hops = bestHops;
}

/**
 * walkTrails for trails of at most two ties, in two plain loops (the coordinators' half: hubs of 2,000–4,000 ties at L,
 * walked again after every tie write): the same trails, products and order.
 */
function walkShortTrails(
  graph: TieGraph,
  start: number,
  length: number,
  least: number,
  visit: (at: number, product: number, ties: number) => void,
): void {
  const { first, degree, neighbours, ties, strengths } = graph;
  visit(start, 1.0, 0);
  if (length < 1) return;
  for (let e1 = first[start]!, end1 = e1 + degree[start]!; e1 < end1; e1++) {
    const tie1 = ties[e1]!;
    const s1 = strengths[tie1]!;
    if (!(s1 >= least)) continue;
    const n1 = neighbours[e1]!;
    const p1 = 1.0 * s1;
    visit(n1, p1, 1);
    if (length < 2) continue;
    for (let e2 = first[n1]!, end2 = e2 + degree[n1]!; e2 < end2; e2++) {
      const tie2 = ties[e2]!;
      const s2 = strengths[tie2]!;
      if (!(s2 >= least) || tie2 === tie1) continue;
      visit(neighbours[e2]!, p1 * s2, 2);
    }
  }
}

/** The order of both halves: round(score × 1e9) descending, then fewer ties, then the larger raw score. */
function better(key: number, hops: number, score: number, thanKey: number, thanHops: number, thanScore: number): boolean {
  return key > thanKey || (key === thanKey && (hops < thanHops || (hops === thanHops && score > thanScore)));
}

/**
 * Every trail of 0 to `length` ties of strength >= `least` from `start` (ties distinct, people may repeat: Cypher's
 * quantified path pattern), each given to `visit` with the person it ends at, the product of its strengths taken from
 * `start` out (the statements' reduce order, so the same double) and its number of ties.
 */
function walkTrails(
  graph: TieGraph,
  start: number,
  length: number,
  least: number,
  visit: (at: number, product: number, ties: number) => void,
): void {
  const { first, degree, neighbours, ties, strengths } = graph;
  const used: number[] = [];
  const walk = (at: number, product: number): void => {
    visit(at, product, used.length);
    if (used.length === length) return;
    for (let e = first[at]!, end = e + degree[at]!; e < end; e++) {
      const tie = ties[e]!;
      const strength = strengths[tie]!;
      if (!(strength >= least) || used.includes(tie)) continue;
      used.push(tie);
      walk(neighbours[e]!, product * strength);
      used.pop();
    }
  };
  walk(start, 1.0);
}

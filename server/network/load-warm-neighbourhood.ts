import type { Database } from "../neo4j/database.js";
import type { ThreadGraph } from "./count-threads.js";

/**
 * The bounded subgraph threads are counted on. With W the starting people, R the targets and L
 * the hop limit, the warm neighbourhood H holds every person v with dW(v) + dR(v) ≤ L, where dW
 * and dR count warm ties (strength ≥ threshold) on routes whose inner people are outside W and R.
 * These are exactly the people on some warm walk of at most L ties from W to R; H holds every
 * warm path of at most L ties, and nothing far from both ends is ever read.
 *
 * It is found by two breadth-first searches that ask Neo4j for neighbours one level at a time:
 *  1. from W to depth a = ceil(L/2) and from R to depth b = floor(L/2), every person;
 *  2. then further, but only through people already known to be in H: a person at dW = i ≥ a
 *     is in H only if dR ≤ L − i ≤ b, which step 1 knows exactly (and the same from R's side).
 *     Every inner person of a shortest route to a person of H is itself in H, so this finds the
 *     exact dW and dR of everyone in H while expanding only them.
 * Each level is one query; the whole search is at most 2·L queries (4 for L = 4).
 */

export interface WarmNeighbourhood extends ThreadGraph {
  distanceFromSources: ReadonlyMap<string, number>;
  distanceFromTargets: ReadonlyMap<string, number>;
}

/** Warm neighbours of people, fetched in batches and kept for the life of one request or refresh. */
export class NeighbourCache {
  private readonly known = new Map<string, string[]>();
  queries = 0;

  constructor(
    private readonly db: Database,
    readonly threshold: number,
  ) {}

  async neighboursOf(ids: Iterable<string>): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.known.has(id));
    if (missing.length === 0) return;
    this.queries += 1;
    const rows = await this.db.read(
      `UNWIND $ids AS id
       OPTIONAL MATCH (x:Person {id: id})
       RETURN id, COLLECT { MATCH (x)-[r:KNOWS]-(y:Person) WHERE r.strength >= $threshold AND y <> x RETURN DISTINCT y.id } AS ids`,
      { ids: missing, threshold: this.threshold },
    );
    for (const row of rows) this.known.set(String(row.id), ((row.ids as string[] | null) ?? []).slice().sort());
    for (const id of missing) if (!this.known.has(id)) this.known.set(id, []);
  }

  get(id: string): readonly string[] | undefined {
    return this.known.get(id);
  }
}

export async function loadWarmNeighbourhood(
  cache: NeighbourCache,
  sources: readonly string[],
  targets: readonly string[],
  maxHops: number,
): Promise<WarmNeighbourhood> {
  const W = new Set(sources);
  const R = new Set(targets);
  const ends = (id: string) => W.has(id) || R.has(id);
  const dW = new Map<string, number>([...W].map((id) => [id, 0]));
  const dR = new Map<string, number>([...R].map((id) => [id, 0]));
  const a = Math.ceil(maxHops / 2);
  const b = Math.floor(maxHops / 2);

  const atLevel = (d: Map<string, number>, level: number, keep: (id: string) => boolean) =>
    [...d].filter(([id, depth]) => depth === level && (level === 0 || !ends(id)) && keep(id)).map(([id]) => id);

  const expand = async (fromW: string[], levelW: number, fromR: string[], levelR: number) => {
    await cache.neighboursOf([...fromW, ...fromR]);
    for (const id of fromW) for (const n of cache.get(id) ?? []) if (!dW.has(n)) dW.set(n, levelW + 1);
    for (const id of fromR) for (const n of cache.get(id) ?? []) if (!dR.has(n)) dR.set(n, levelR + 1);
  };

  // 1. Both sides fully, W to depth a and R to depth b.
  for (let level = 0; level < a; level++) {
    await expand(
      atLevel(dW, level, () => true),
      level,
      level < b ? atLevel(dR, level, () => true) : [],
      level,
    );
  }
  // 2. Further only through people of H: i + dR ≤ L (dR known exactly up to b), likewise from R.
  const within = (d: Map<string, number>, level: number) => (id: string) => {
    const other = d.get(id);
    return other !== undefined && level + other <= maxHops;
  };
  for (let step = 0; a + step < maxHops || b + step < maxHops; step++) {
    const levelW = a + step;
    const levelR = b + step;
    const fromW = levelW < maxHops ? atLevel(dW, levelW, within(dR, levelW)) : [];
    const fromR = levelR < maxHops ? atLevel(dR, levelR, within(dW, levelR)) : [];
    if (fromW.length === 0 && fromR.length === 0) break;
    await expand(fromW, levelW, fromR, levelR);
  }

  const inH = new Set<string>();
  for (const [id, depth] of dW) {
    const other = dR.get(id);
    if (other !== undefined && depth + other <= maxHops) inH.add(id);
  }
  const neighbours = new Map<string, string[]>();
  const link = (x: string, y: string) => {
    const list = neighbours.get(x) ?? [];
    if (!list.includes(y)) list.push(y);
    neighbours.set(x, list);
  };
  for (const id of inH) {
    for (const n of cache.get(id) ?? []) {
      if (!inH.has(n)) continue;
      link(id, n);
      link(n, id);
    }
  }
  return {
    sources: new Set([...W].filter((id) => inH.has(id))),
    targets: new Set([...R].filter((id) => inH.has(id))),
    neighbours,
    distanceFromSources: dW,
    distanceFromTargets: dR,
  };
}

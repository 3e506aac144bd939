import type { Database } from "../../platform/neo4j/database.js";
import { adjacencyOf, type NumberedThreadGraph, type ThreadGraph } from "./count-threads.js";
import type { WarmTies } from "./WarmTieStore.js";

/**
 * The bounded subgraph threads are counted on. With W the starting people, R the targets and L
 * the hop limit, the warm neighbourhood H holds every person v with dW(v) + dR(v) ≤ L, where dW
 * and dR count warm ties (strength ≥ threshold) on routes whose inner people are outside W and R.
 * These are exactly the people on some warm walk of at most L ties from W to R; H holds every
 * warm path of at most L ties, and nothing far from both ends is ever read.
 *
 * It is found by two breadth-first searches that ask for neighbours one level at a time:
 *  1. from W to depth a = ceil(L/2) and from R to depth b = floor(L/2), every person;
 *  2. then further, but only through people already known to be in H: a person at dW = i ≥ a
 *     is in H only if dR ≤ L − i ≤ b, which step 1 knows exactly (and the same from R's side).
 *     Every inner person of a shortest route to a person of H is itself in H, so this finds the
 *     exact dW and dR of everyone in H while expanding only them.
 * Each level is one query for the people whose ties are not in the store yet (WarmTieStore, shared
 * by the programmes of a refresh and by requests while the graph is unchanged); the whole search
 * is at most 2·L queries (4 for L = 4), none when the store holds them all. The search runs on the
 * store's person numbers; only H is turned back into ids.
 */

export interface WarmNeighbourhood extends ThreadGraph {
  /** dW and dR of the people of H (the only ones whose distances are exact). */
  distanceFromSources: ReadonlyMap<string, number>;
  distanceFromTargets: ReadonlyMap<string, number>;
}

/** Where the warm ties come from: the store, and the Database to read missing ones with. */
export interface WarmTieSource {
  db: Database;
  ties: WarmTies;
}

export async function loadWarmNeighbourhood(
  source: WarmTieSource,
  sources: readonly string[],
  targets: readonly string[],
  maxHops: number,
): Promise<WarmNeighbourhood> {
  const { ties, W, R, inH, dW, dR } = await searchWarmNeighbourhood(source, sources, targets, maxHops);
  const linked = new Map<number, Set<number>>();
  const link = (x: number, y: number) => {
    let set = linked.get(x);
    if (!set) linked.set(x, (set = new Set()));
    set.add(y);
  };
  forEachTieInH(ties, inH, (n, m) => {
    link(n, m);
    link(m, n);
  });
  const id = (n: number) => ties.idOf(n);
  const neighbours = new Map<string, string[]>();
  for (const [n, set] of linked) neighbours.set(id(n), [...set].map(id));
  const distances = (d: Depths) => new Map([...inH].map((n) => [id(n), d.get(n)!] as const));
  return {
    sources: new Set([...W].filter((n) => inH.has(n)).map(id)),
    targets: new Set([...R].filter((n) => inH.has(n)).map(id)),
    neighbours,
    distanceFromSources: distances(dW),
    distanceFromTargets: distances(dR),
  };
}

/**
 * The same neighbourhood as the thread graph countNumberedThreads counts on — the people loadWarmNeighbourhood's
 * ThreadGraph holds (W and R in H, and everyone in H with a warm tie to another), numbered in id order, with the same
 * lists (the warm ties among them, both ways, each once) — and the ids of W and R in H, in the order of loadWarmNeighbourhood's sets: what
 * the embedding's figures need, without a map per person or the distances (thread-count-memo.ts).
 */
export async function loadNumberedNeighbourhood(
  source: WarmTieSource,
  sources: readonly string[],
  targets: readonly string[],
  maxHops: number,
): Promise<{ graph: NumberedThreadGraph; sources: string[]; targets: string[] }> {
  const { ties, W, R, inH } = await searchWarmNeighbourhood(source, sources, targets, maxHops);
  // The ties among the people of H, both ways (as loadWarmNeighbourhood links them), by the store's numbers.
  let pairs = new Int32Array(1024);
  let count = 0;
  const push = (x: number, y: number) => {
    if (2 * count + 2 > pairs.length) {
      const grown = new Int32Array(pairs.length * 2);
      grown.set(pairs);
      pairs = grown;
    }
    pairs[2 * count] = x;
    pairs[2 * count + 1] = y;
    count += 1;
  };
  const linked = new Set<number>();
  forEachTieInH(ties, inH, (n, m) => {
    push(n, m);
    push(m, n);
    linked.add(n);
    linked.add(m);
  });
  const people = [...inH].filter((n) => W.has(n) || R.has(n) || linked.has(n));
  const idOf = new Map(people.map((n) => [n, ties.idOf(n)] as const));
  people.sort((a, b) => (idOf.get(a)! < idOf.get(b)! ? -1 : 1));
  const rank = new Map(people.map((n, i) => [n, i] as const));
  for (let k = 0; k < 2 * count; k++) pairs[k] = rank.get(pairs[k]!)!;
  const ids = people.map((n) => idOf.get(n)!);
  return {
    graph: {
      ids,
      isSource: Uint8Array.from(people, (n) => (W.has(n) ? 1 : 0)),
      isTarget: Uint8Array.from(people, (n) => (R.has(n) ? 1 : 0)),
      ...adjacencyOf(people.length, pairs, count),
    },
    sources: [...W].filter((n) => inH.has(n)).map((n) => ties.idOf(n)),
    targets: [...R].filter((n) => inH.has(n)).map((n) => ties.idOf(n)),
  };
}

/**
 * Every warm tie between two people of H, as (n, m) for each n of H (in H's order) and each m in n's list (in its order)
 * that is in H: what both of the above link. Membership by a flag per store number, not the Set (H is thousands of
 * people, their lists tens of thousands of entries).
 */
function forEachTieInH(ties: WarmTies, inH: ReadonlySet<number>, visit: (n: number, m: number) => void): void {
  let most = 0;
  for (const n of inH) most = Math.max(most, n);
  const inSet = new Uint8Array(most + 1);
  for (const n of inH) inSet[n] = 1;
  for (const n of inH) {
    const list = ties.neighboursOf(n);
    if (!list) continue;
    for (let i = 0; i < list.length; i++) {
      const m = list[i]!;
      if (m <= most && inSet[m] === 1) visit(n, m);
    }
  }
}

/** The search both of the above share: H (the store's numbers) with the exact dW and dR of its people. */
async function searchWarmNeighbourhood(
  source: WarmTieSource,
  sources: readonly string[],
  targets: readonly string[],
  maxHops: number,
): Promise<{ ties: WarmTies; W: Set<number>; R: Set<number>; inH: Set<number>; dW: Depths; dR: Depths }> {
  const { db, ties } = source;
  const W = new Set(sources.map((id) => ties.intern(id)));
  const R = new Set(targets.map((id) => ties.intern(id)));
  const ends = (n: number) => W.has(n) || R.has(n);
  const dW = new Depths();
  const dR = new Depths();
  // People by depth, in the order found: levelsW[i] = everyone at dW = i.
  const levelsW: number[][] = [[...W]];
  const levelsR: number[][] = [[...R]];
  for (const n of W) dW.set(n, 0);
  for (const n of R) dR.set(n, 0);
  const a = Math.ceil(maxHops / 2);
  const b = Math.floor(maxHops / 2);

  const atLevel = (levels: number[][], level: number, keep: (n: number) => boolean) =>
    (levels[level] ?? []).filter((n) => (level === 0 || !ends(n)) && keep(n));

  const reach = (from: number[], level: number, d: Depths, levels: number[][]) => {
    const next = (levels[level + 1] ??= []);
    for (const n of from) {
      const list = ties.neighboursOf(n);
      if (!list) continue;
      for (let i = 0; i < list.length; i++) {
        const m = list[i]!;
        if (!d.has(m)) {
          d.set(m, level + 1);
          next.push(m);
        }
      }
    }
  };
  const expand = async (fromW: number[], levelW: number, fromR: number[], levelR: number) => {
    await ties.load(db, [...fromW, ...fromR]);
    reach(fromW, levelW, dW, levelsW);
    reach(fromR, levelR, dR, levelsR);
  };

  // 1. Both sides fully, W to depth a and R to depth b.
  const all = () => true;
  for (let level = 0; level < a; level++) {
    await expand(atLevel(levelsW, level, all), level, level < b ? atLevel(levelsR, level, all) : [], level);
  }
  // 2. Further only through people of H: i + dR ≤ L (dR known exactly up to b), likewise from R.
  const within = (d: Depths, level: number) => (n: number) => {
    const other = d.get(n);
    return other !== undefined && level + other <= maxHops;
  };
  for (let step = 0; a + step < maxHops || b + step < maxHops; step++) {
    const levelW = a + step;
    const levelR = b + step;
    const fromW = levelW < maxHops ? atLevel(levelsW, levelW, within(dR, levelW)) : [];
    const fromR = levelR < maxHops ? atLevel(levelsR, levelR, within(dW, levelR)) : [];
    if (fromW.length === 0 && fromR.length === 0) break;
    await expand(fromW, levelW, fromR, levelR);
  }

  const inH = new Set<number>();
  for (const level of levelsW) {
    for (const n of level) {
      const other = dR.get(n);
      if (other !== undefined && dW.get(n)! + other <= maxHops) inH.add(n);
    }
  }
  return { ties, W, R, inH, dW, dR };
}

/** Depths by person number (a flat array: the searches touch tens of thousands of people at L). */
class Depths {
  /** depth + 1; 0 = not reached. */
  private depth = new Int8Array(1024);

  get(n: number): number | undefined {
    const d = n < this.depth.length ? this.depth[n]! : 0;
    return d === 0 ? undefined : d - 1;
  }

  has(n: number): boolean {
    return n < this.depth.length && this.depth[n] !== 0;
  }

  set(n: number, depth: number): void {
    if (n >= this.depth.length) {
      const grown = new Int8Array(Math.max(n + 1, this.depth.length * 2));
      grown.set(this.depth);
      this.depth = grown;
    }
    this.depth[n] = depth + 1;
  }
}

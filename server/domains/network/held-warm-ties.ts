import { log } from "../../platform/log.js";
import type { Database } from "../../platform/neo4j/database.js";
import type { TieGraph } from "./tie-graph.js";
import { tieGraphAt, watchTieGraphFollows, type TieGraphSettings } from "./TieGraphStore.js";
import { carryThreadCounts, countWarmThreads, isRemembered, type AskedThreads, type DroppedCount } from "./thread-count-memo.js";
import { openWarmTieStore, type WarmTies } from "./WarmTieStore.js";

/**
 * The warm ties of an embedding computation (issue #19; docs/network-analytics.md "The tie store"): from the tie graph
 * the analytics worker holds (TieGraphStore.ts) when it is held at the very tie version the request read, else from
 * the WarmTieStore as before. The held graph has every KNOWS tie with its strength, so no neighbourhood is read from
 * Neo4j at all: at L the warm neighbourhood of the coordinators (hubs, 2,000–4,000 ties each) alone is tens of
 * thousands of people, read in 2–4 queries of up to seconds each whenever the tie version moved.
 *
 * What HeldGraphWarmTies yields is exactly what READ_WARM_NEIGHBOURS + WarmTieStore.load yield: a person's warm
 * neighbours are the people at the far end of their ties with a strength ≥ the threshold, in either direction, the
 * person themselves left out (the graph holds no tie to oneself) and two ties between one pair counted once; a tie
 * without a strength is warm at no threshold (the graph leaves it out, `r.strength >= $threshold` is null for it); a
 * person the graph does not know (created since it was read — without ties, or the version would have moved) has none.
 * Only the order of a list may differ, and nothing downstream depends on it (countThreads numbers people by id).
 * tests/integration/network-embedding-held-ties.int.test.ts compares both ways, answer for answer.
 *
 * The graph may be brought forward in place while a computation runs (a tie write followed between two of its
 * awaits): then, as with the WarmTieStore's reads, what is read later is at least as new as the version read first.
 */

/** Set by the analytics worker's thread at its start (analytics-worker-thread.ts): where its tie graph is held. */
export const heldWarmTiesSettings: { graph: TieGraphSettings | null } = { graph: null };

/** The last tie version at which the database's warm ties answered instead of the held graph (logged once per version). */
let fallbackLogged: string | null = null;

/** Which source each embedding computation's warm ties came from (tests, the bench's check). */
export const warmTiesOpened = { heldGraph: 0, database: 0 };

/**
 * The warm ties for `threshold` at the current tie version. The version is read first, so everything read afterwards
 * is at least as new as it (the WarmTieStore's rule); the held graph is used only when held at exactly that version.
 * Where no graph is held (the API thread, the refresh's worker) this is openWarmTieStore, one round trip as before.
 */
export async function openWarmTies(db: Database, threshold: number): Promise<WarmTies> {
  const version = await db.tieVersion();
  const settings = heldWarmTiesSettings.graph;
  if (settings && version !== null) {
    // Not held at this version: null now, and the graph's load (or its following of the tie writes) goes on meanwhile.
    const graph = await tieGraphAt(db, version, settings);
    if (graph) {
      warmTiesOpened.heldGraph += 1;
      return heldWarmTiesAt(graph, version, threshold);
    }
  }
  warmTiesOpened.database += 1;
  if (settings && version !== null && version !== fallbackLogged) {
    fallbackLogged = version;
    log.info("Embedding warm ties read from the database: the held tie graph is not at the request's tie version");
  }
  return openWarmTieStore(db, threshold, version);
}

/**
 * The warm lists made from a held graph are kept for the next requests at the same tie version, per threshold (the two
 * most recently used), as the WarmTieStore keeps the lists it read: a list is made once per version, not once per
 * request (at L an institution's neighbourhoods touch tens of thousands of people). When the version moves, requests
 * read the new one and get fresh lists — also when the graph was brought to it in place (TieGraphStore's following).
 * Lists made while the graph moved on during a computation are at least as new as their tag, as with the store.
 */
let kept = new WeakMap<TieGraph, { version: string; byThreshold: Map<number, HeldGraphWarmTies> }>();

/**
 * Forgets the lists made so far, and gives a way to have them back (the bench: a first request at a tie version, without
 * a tie write, between requests that find theirs).
 */
export function forgetHeldWarmTies(): () => void {
  const before = kept;
  kept = new WeakMap();
  return () => {
    kept = before;
  };
}
const KEPT_THRESHOLDS = 2;

/**
 * Carries the kept lists (and with them the thread counts remembered on them, thread-count-memo.ts) to the version a
 * follow brings the graph to (TieGraphStore's followTieChanges), instead of starting empty at every tie write: at L a
 * programme's first count at a new version made ~60,000 lists and counted again (~130 ms of JavaScript), an
 * institution's ~790 ms. Exact, because every changed tie has one of the people the follow reads at an end
 * (tie-version.ts): per kept threshold, each of those people's warm neighbours (the far ends of their ties with a
 * strength ≥ it, as `warmList`) are taken before the changes are applied and after; a pair whose warmth changed shows in
 * one of them. When none changed, the warm ties at that threshold are the same at both versions — every list, and so
 * every neighbourhood and count made from them — and the same WarmTies object goes on at the new version, memo and all.
 * Otherwise a new one at the new version keeps every list but those of the people on a changed pair (made again when
 * asked for) and starts with an empty memo (a neighbourhood may have changed). Off with WARM_TIES_CARRY_OVER=off.
 */
function carryForward(graph: TieGraph, from: string, people: readonly string[]): (to: string) => void {
  const slot = kept.get(graph);
  if (!slot || slot.version !== from || slot.byThreshold.size === 0) return () => {};
  const thresholds = [...slot.byThreshold.keys()];
  const warmBefore = thresholds.map((t) => people.map((id) => warmSetOf(graph, graph.indexOf.get(id), t)));
  return (to) => {
    const byThreshold = new Map<number, HeldGraphWarmTies>();
    thresholds.forEach((t, k) => {
      const ties = slot.byThreshold.get(t)!;
      const changed = new Set<number>();
      /** The pairs whose warmth changed (graph numbers), and those of them warm before (now cold). */
      const pairs: Array<[number, number]> = [];
      const cooled: Array<[number, number]> = [];
      people.forEach((id, i) => {
        const before = warmBefore[k]![i]!;
        const g = graph.indexOf.get(id);
        const after = warmSetOf(graph, g, t);
        // A pair whose warmth changed: both ends' lists go (the far ends here, this person's below).
        const warmed = [...after].filter((x) => !before.has(x));
        const cold = [...before].filter((x) => !after.has(x));
        for (const x of [...warmed, ...cold]) changed.add(x);
        if (g === undefined || warmed.length + cold.length === 0) return;
        changed.add(g);
        for (const x of warmed) pairs.push([g, x]);
        for (const x of cold) {
          pairs.push([g, x]);
          cooled.push([g, x]);
        }
      });
      if (changed.size === 0) {
        warmTiesCarried.whole += 1;
        byThreshold.set(t, ties);
        return;
      }
      const next = ties.carriedOver(changed);
      warmTiesCarried.lists += 1;
      const { carried, dropped } = carryThreadCounts(ties, next, untouchedBy(graph, t, pairs, cooled));
      warmTiesCarried.counts += carried;
      for (const count of dropped) toCountAgain.push({ graph, ties: next, ...count });
      byThreshold.set(t, next);
    });
    kept.set(graph, { version: to, byThreshold });
  };
}

/**
 * How often a follow carried a threshold's warm ties whole (memo kept) or its unchanged lists only, how many
 * remembered counts went on with the latter, and how many of those it dropped were counted again ahead of a request
 * (countDroppedAgain) (tests, the bench).
 */
export const warmTiesCarried = { whole: 0, lists: 0, counts: 0, countedAgain: 0 };

/**
 * The remembered counts a follow dropped (their neighbourhood may have changed), to be counted again on the new
 * version's warm ties while the analytics worker has nothing else to do (countDroppedAgain), so that the next request
 * for that programme finds its figures instead of counting them (~30–110 ms at L). Most recent last; the oldest go past
 * KEPT_TO_COUNT_AGAIN.
 */
const toCountAgain: Array<DroppedCount & { graph: TieGraph; ties: HeldGraphWarmTies }> = [];
const KEPT_TO_COUNT_AGAIN = 16;

/**
 * A dropped count took longer than this the last time (an institution's, a large programme's): it is counted when
 * asked, not ahead — a request arriving during a count waits for it, as it is JavaScript on the worker's one thread.
 */
export const COUNT_AGAIN_MOST_MS = 100;

/**
 * Counts one dropped count again (the most recent first) on the warm ties it was dropped for, when those are still the
 * ones kept at the graph's version (a later follow makes new ones: then it is forgotten, as that follow decided anew);
 * returns whether more are waiting. Exact: the same countWarmThreads a request would run, on the same warm ties, into
 * the same memo. Its search never awaits anything but the held graph's lists (no read), so it runs through in one
 * stretch. The analytics worker calls it while no request is running (analytics-worker-thread.ts).
 */
export async function countDroppedAgain(db: Database): Promise<boolean> {
  while (toCountAgain.length > KEPT_TO_COUNT_AGAIN) toCountAgain.shift();
  /** Still to be counted: not too large, on the warm ties kept now, and not counted meanwhile (a request asked for it). */
  const waiting = (c: (typeof toCountAgain)[number]): boolean =>
    c.ms <= COUNT_AGAIN_MOST_MS && kept.get(c.graph)?.byThreshold.get(c.ties.threshold) === c.ties && !isRemembered(c.ties, c);
  for (let next = toCountAgain.pop(); next; next = toCountAgain.pop()) {
    if (!waiting(next)) continue;
    const { sources, targets, maxHops } = next.asked;
    await countWarmThreads({ db, ties: next.ties }, sources, targets, maxHops, next.method, "figures");
    warmTiesCarried.countedAgain += 1;
    // What is left and no longer waiting goes now, so that the answer says whether a count is.
    for (let i = toCountAgain.length - 1; i >= 0; i--) if (!waiting(toCountAgain[i]!)) toCountAgain.splice(i, 1);
    return toCountAgain.length > 0;
  }
  return false;
}

/** The most people one search around a changed pair may reach before it gives up (and nothing is carried). */
const MOST_REACHED = 50_000;

/**
 * Which remembered counts still hold after the warmth of `pairs` changed (graph numbers; `cooled`: those warm before): a
 * question (W, R, L) whose neighbourhood H cannot have changed. H is the people on a warm walk of at most L ties from W
 * to R whose inner people are outside W and R — those with dW + dR ≤ L, the distances on such routes
 * (load-warm-neighbourhood.ts) — with every warm tie among them; the count is a function of H, W and R alone. When each
 * changed pair has an end z with dW(z) + dR(z) > L both before and after, z is in neither H: no walk of at most L ties
 * uses the pair before or after (both ends of a tie on such a walk are in H), so the walks that make H are the same,
 * and the pair is not among H's ties either — H is the same, and so is its count. Lower bounds of the distances do, taken
 * by a breadth-first search from each end of a changed pair to depth L − 1 over the warm ties after and the ones cooled
 * (every tie of before and of after: distances shorter or equal), not through people of W (as the routes) but through
 * those of R (shorter or equal); anyone not reached within the depth is at least L away; a person of W counts 0 and is
 * not searched from. A question that cannot be shown untouched is counted again.
 */
function untouchedBy(
  graph: TieGraph,
  threshold: number,
  pairs: ReadonlyArray<readonly [number, number]>,
  cooled: ReadonlyArray<readonly [number, number]>,
): (asked: AskedThreads) => boolean {
  const ends = [...new Set(pairs.flat())];
  const extra = new Map<number, number[]>();
  for (const [a, b] of cooled) {
    (extra.get(a) ?? extra.set(a, []).get(a)!).push(b);
    (extra.get(b) ?? extra.set(b, []).get(b)!).push(a);
  }
  /** Per W (its ids sorted) and depth: each end's distances, or null when a search reached too many people. */
  const searched = new Map<string, Map<number, ReadonlyMap<number, number>> | null>();
  const search = (w: ReadonlySet<number>, depth: number): Map<number, ReadonlyMap<number, number>> | null => {
    const found = new Map<number, ReadonlyMap<number, number>>();
    for (const end of ends) {
      if (w.has(end)) continue;
      const distance = new Map<number, number>([[end, 0]]);
      let level = [end];
      for (let d = 1; d <= depth && level.length > 0; d++) {
        const next: number[] = [];
        const visit = (other: number): void => {
          if (distance.has(other)) return;
          distance.set(other, d);
          if (!w.has(other)) next.push(other);
        };
        for (const n of level) {
          forEachTie(graph, n, (other, strength) => {
            if (strength >= threshold) visit(other);
          });
          for (const other of extra.get(n) ?? []) visit(other);
        }
        if (distance.size > MOST_REACHED) return null;
        level = next;
      }
      found.set(end, distance);
    }
    return found;
  };
  return (asked) => {
    const L = asked.maxHops;
    const w = new Set(asked.sources.map((id) => graph.indexOf.get(id)).filter((g): g is number => g !== undefined));
    const r = new Set(asked.targets.map((id) => graph.indexOf.get(id)).filter((g): g is number => g !== undefined));
    const key = `${[...w].sort((a, b) => a - b).join(",")}|${L}`;
    if (!searched.has(key)) searched.set(key, search(w, L - 1));
    const distances = searched.get(key)!;
    if (!distances) return false;
    // Not reached within L − 1: at least L.
    const least = (z: number, among: ReadonlySet<number>): number => {
      if (among.has(z)) return 0;
      const reached = distances.get(z)!;
      let best = L;
      for (const person of among) best = Math.min(best, reached.get(person) ?? L);
      return best;
    };
    const dW = (z: number): number => (w.has(z) ? 0 : least(z, w));
    const dR = (z: number): number => (w.has(z) || r.has(z) ? 0 : least(z, r));
    return pairs.every(([a, b]) => dW(a) + dR(a) > L || dW(b) + dR(b) > L);
  };
}

/** The warm neighbours of graph person `g` at `threshold`, by graph number (none for a person the graph does not know). */
function warmSetOf(graph: TieGraph, g: number | undefined, threshold: number): Set<number> {
  const seen = new Set<number>();
  if (g !== undefined && g < graph.ids.length) {
    forEachTie(graph, g, (other, strength) => {
      if (strength >= threshold) seen.add(other);
    });
  }
  return seen;
}

/** The kept WarmTies of `graph` at `version` and `threshold` (made when missing); exported for the tests. */
export function heldWarmTiesAt(graph: TieGraph, version: string, threshold: number): HeldGraphWarmTies {
  let slot = kept.get(graph);
  // Another version's lists are never asked for again: versions only move on.
  if (slot?.version !== version) kept.set(graph, (slot = { version, byThreshold: new Map() }));
  const ties = slot.byThreshold.get(threshold) ?? new HeldGraphWarmTies(graph, threshold);
  slot.byThreshold.delete(threshold);
  slot.byThreshold.set(threshold, ties);
  for (const other of slot.byThreshold.keys()) {
    if (slot.byThreshold.size <= KEPT_THRESHOLDS) break;
    slot.byThreshold.delete(other);
  }
  return ties;
}

/**
 * The WarmTies of computations over a held tie graph at one tie version and threshold. People get numbers of their own, as in WarmTieStore (small
 * and dense: the neighbourhood search keeps flat arrays by number), mapped to and from the graph's; a list is made
 * from the graph when `load` asks for it, and `load` never reads the database.
 */
export class HeldGraphWarmTies implements WarmTies {
  private ids: string[] = [];
  /** Per own number: the graph's number, or -1 for a person the graph does not know. */
  private inGraph: number[] = [];
  private lists: Array<Int32Array | undefined> = [];
  /** Per graph number: own number + 1 (0: none yet). Grown when the graph grows. */
  private ownOf: Int32Array;
  /** People the graph does not know, by id. */
  private readonly strangers = new Map<string, number>();
  /** Lists made, for the probe. */
  listsMade = 0;

  constructor(
    private readonly graph: TieGraph,
    readonly threshold: number,
  ) {
    this.ownOf = new Int32Array(graph.ids.length);
  }

  intern(id: string): number {
    const g = this.graph.indexOf.get(id);
    if (g !== undefined) return this.fromGraph(g);
    let n = this.strangers.get(id);
    if (n === undefined) {
      n = this.add(id, -1);
      this.strangers.set(id, n);
    }
    return n;
  }

  idOf(n: number): string {
    return this.ids[n]!;
  }

  neighboursOf(n: number): Int32Array | undefined {
    return this.lists[n];
  }

  load(_db: Database, people: Iterable<number>): Promise<void> {
    for (const n of people) {
      if (this.lists[n] !== undefined) continue;
      const g = this.inGraph[n]!;
      this.lists[n] = g === -1 ? new Int32Array(0) : this.warmList(g);
      this.listsMade += 1;
    }
    return Promise.resolve();
  }

  /**
   * The same own numbers and lists at a later version of the graph (carryForward), less the lists of `changed` (graph
   * numbers: made again when asked for); people met as strangers whom the graph knows now are mapped to it, their
   * (empty) lists dropped. The memo is not carried: it is kept per object.
   */
  carriedOver(changed: ReadonlySet<number>): HeldGraphWarmTies {
    const next = new HeldGraphWarmTies(this.graph, this.threshold);
    // Copies, not spreads: at L these hold ~100,000 people (too many arguments for push(...)).
    next.ids = this.ids.slice();
    next.inGraph = this.inGraph.slice();
    next.lists = this.lists.slice();
    next.ownOf = new Int32Array(Math.max(this.ownOf.length, this.graph.ids.length));
    next.ownOf.set(this.ownOf);
    for (const g of changed) {
      const own = g < next.ownOf.length ? next.ownOf[g]! : 0;
      if (own !== 0) next.lists[own - 1] = undefined;
    }
    for (const [id, n] of this.strangers) {
      const g = this.graph.indexOf.get(id);
      if (g === undefined) next.strangers.set(id, n);
      else {
        next.inGraph[n] = g;
        next.ownOf[g] = n + 1;
        next.lists[n] = undefined;
      }
    }
    return next;
  }

  /** The warm neighbours of graph person `g` in own numbers, each once. */
  private warmList(g: number): Int32Array {
    const seen = new Set<number>();
    forEachTie(this.graph, g, (other, strength) => {
      if (strength >= this.threshold) seen.add(this.fromGraph(other));
    });
    return Int32Array.from(seen);
  }

  private fromGraph(g: number): number {
    if (g >= this.ownOf.length) {
      const grown = new Int32Array(Math.max(g + 1, this.ownOf.length * 2));
      grown.set(this.ownOf);
      this.ownOf = grown;
    }
    const own = this.ownOf[g]!;
    if (own !== 0) return own - 1;
    // Someone added to the graph while this computation ran, and met before as a stranger: the same person.
    const id = this.graph.ids[g]!;
    const known = this.strangers.size > 0 ? this.strangers.get(id) : undefined;
    const n = known ?? this.add(id, g);
    this.inGraph[n] = g;
    this.ownOf[g] = n + 1;
    return n;
  }

  private add(id: string, g: number): number {
    const n = this.ids.length;
    this.ids.push(id);
    this.inGraph.push(g);
    this.lists.push(undefined);
    return n;
  }
}

/**
 * Every tie at graph person `g` (either direction, as the graph keeps both ends' lists), with its strength: the one
 * place that knows the graph's layout (tie-graph.ts), so that a change of layout is one change here.
 */
function forEachTie(graph: TieGraph, g: number, visit: (other: number, strength: number) => void): void {
  const { first, degree, neighbours, ties, strengths } = graph;
  for (let e = first[g]!, end = e + degree[g]!; e < end; e++) visit(neighbours[e]!, strengths[ties[e]!]!);
}

watchTieGraphFollows(carryForward);

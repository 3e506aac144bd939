import type { Database } from "../../platform/neo4j/database.js";
import type { TieGraph } from "./tie-graph.js";
import { tieGraphAt, type TieGraphSettings } from "./TieGraphStore.js";
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

function heldWarmTiesAt(graph: TieGraph, version: string, threshold: number): HeldGraphWarmTies {
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
  private readonly ids: string[] = [];
  /** Per own number: the graph's number, or -1 for a person the graph does not know. */
  private readonly inGraph: number[] = [];
  private readonly lists: Array<Int32Array | undefined> = [];
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

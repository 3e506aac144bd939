import { LIGHT_ENDS, nextFloor, STRENGTH_LADDER } from "./rank-warm-paths.js";

/**
 * Every KNOWS tie with its strength, held in memory as adjacency lists in typed arrays, and the exact warm-path search
 * over it (searchTieGraph): the rule of docs/network-analytics.md ("Warm contact paths") that rankedPathsCall in
 * statements.ts states in Cypher, computed here in JavaScript. The analytics worker answers warmPaths with it
 * (find-warm-paths-in-memory.ts), follows tie writes into it (applyTieChanges, applyPairChanges: TieGraphStore.ts), and the bench uses it
 * as its in-memory baseline (bench/baseline).
 *
 * Each relationship is its own edge (two ties between one pair, one each way, are two edges, as the Cypher search
 * enumerates both); a tie without a strength, and a tie from a person to themselves, is on no path and is left out.
 *
 * Layout (~28 bytes a tie, issue #19 parts 3 and 4): per person a slice of the edge columns (first, degree); per edge
 * the person at the far end and the tie it stands for (4 + 4 bytes, both directions: 16 a tie); per tie its strength
 * and its elementId's number (8 + 4; 8 + 8 once a number passes 2^32). A list rewritten by applyTieChanges is written in
 * place when it does not grow, else at the end of the columns; the slots no list points at any more are garbage until
 * the next compaction (compactTieGraph).
 */
export interface TieGraph {
  /** Person ids; a person's number is their index. */
  ids: string[];
  indexOf: Map<string, number>;
  /** Person i's edges are first[i] .. first[i] + degree[i] - 1 of neighbours and ties (both may be longer than ids). */
  first: Uint32Array;
  degree: Uint32Array;
  neighbours: Uint32Array;
  /** The tie (relationship) each edge stands for, the same for both directions: an index into strengths and tieKeys. */
  ties: Uint32Array;
  /** Per tie: its strength. */
  strengths: Float64Array;
  /** Per tie, what names it in the database (its elementId): tieKey(graph, tie). tieKeys.count: the tie slots in use. */
  tieKeys: TieKeys;
  /** Edge slots in use (where the next list that grows is written) and the ones of them no list points at. */
  edgesUsed: number;
  deadEdges: number;
  /** Tie slots no edge points at (removed ties). */
  deadTies: number;
}

/**
 * The ties' elementIds. In one database they are one prefix ("5:<database id>:") and a number, so they are kept as
 * that prefix and a typed array of numbers (4 bytes a tie instead of a ~60-byte string: ~4 MB at L instead of ~70 MB); any other
 * shape is kept as the strings. `numbers` may be longer than count (room for ties added later).
 */
export type TieKeys =
  { count: number; prefix: string; numbers: KeyNumbers } | { count: number; prefix: null; strings: Array<string | null> };

/**
 * The numbers of the ties' elementIds: 4 bytes each while every one is below 2^32 (a store's relationship ids are, up
 * to four billion relationships: 40 MB less at XL's 10,000,000 ties), 8 bytes once one is not (any up to 15 digits is
 * exact in a double).
 */
type KeyNumbers = Uint32Array | Float64Array;

/** `numbers` able to hold `n` at its slots: as it is, or copied into 8-byte slots when `n` does not fit in 4 bytes. */
function keyNumbersFor(numbers: KeyNumbers, n: number): KeyNumbers {
  return n > 0xffffffff && numbers instanceof Uint32Array ? Float64Array.from(numbers) : numbers;
}

/** An elementId as Neo4j 5 writes it: "<kind>:<database id>:<number>" — the prefix and the number. */
const ELEMENT_ID = /^(.*:)(\d{1,15})$/;

/** The elementId of tie number `tie`; null when the graph was built without them. */
export function tieKey(graph: TieGraph, tie: number): string | null {
  const keys = graph.tieKeys;
  return keys.prefix === null ? (keys.strings[tie] ?? null) : `${keys.prefix}${keys.numbers[tie]!}`;
}

/** How many ties the graph holds (live ones). */
export function tieCount(graph: TieGraph): number {
  return graph.tieKeys.count - graph.deadTies;
}

/** One tie as it is loaded: its two ends, its strength (null: none), and what names it in the database. */
export type LoadedTie = [from: string, to: string, strength: number | null, key?: string | null];

/** Builds the graph from its people and ties (ties whose ends are not among the people are left out). */
export function buildTieGraph(ids: readonly string[], ties: readonly LoadedTie[]): TieGraph {
  const builder = new TieGraphBuilder(ties.length);
  for (const id of ids) builder.person(id);
  for (const [a, b, s, key] of ties) {
    if (builder.has(a) && builder.has(b)) builder.tie(a, b, s, key ?? null);
  }
  return builder.build();
}

function grown<T extends Uint32Array | Float64Array>(old: T, size: number): T {
  const bigger = new (old.constructor as new (n: number) => T)(size);
  bigger.set(old.subarray(0, Math.min(old.length, size)));
  return bigger;
}

/** Room for what comes after a load or a compaction: a little, so that the first tie writes need not copy the columns. */
const headroom = (n: number): number => n + 1024 + (n >>> 5);

/**
 * Builds a tie graph tie by tie, as the pages of READ_TIE_GRAPH_PAGE come in, into typed columns instead of a list of
 * tuples (sized from the expected count when given, so a load at L never copies them to grow): the load then holds
 * ~24 bytes per tie besides the rows of one page, not ~150.
 */
export class TieGraphBuilder {
  private readonly ids: string[] = [];
  private readonly indexOf = new Map<string, number>();
  private from: Uint32Array;
  private to: Uint32Array;
  private strength: Float64Array;
  /** The elementIds as one prefix and numbers while they all have that shape, else as strings. */
  private prefix: string | null = null;
  private keyNumbers: KeyNumbers;
  private keyStrings: Array<string | null> | null = null;
  private count = 0;

  constructor(expectedTies = 1024) {
    // With the headroom a graph keeps (build), so that the strengths and keys become its columns without a copy.
    const size = Math.max(16, headroom(expectedTies));
    this.from = new Uint32Array(size);
    this.to = new Uint32Array(size);
    this.strength = new Float64Array(size);
    this.keyNumbers = new Uint32Array(size);
  }

  has(id: string): boolean {
    return this.indexOf.has(id);
  }

  /** A person, with or without ties. */
  person(id: string): number {
    let n = this.indexOf.get(id);
    if (n === undefined) {
      n = this.ids.length;
      this.indexOf.set(id, n);
      this.ids.push(id);
    }
    return n;
  }

  /** A tie; one without a strength or from a person to themselves is on no path and left out. */
  tie(a: string, b: string, strength: number | null, key: string | null): void {
    if (a === b || typeof strength !== "number" || Number.isNaN(strength)) return;
    if (this.count === this.from.length) {
      const size = this.from.length * 2;
      this.from = grown(this.from, size);
      this.to = grown(this.to, size);
      this.strength = grown(this.strength, size);
      this.keyNumbers = grown(this.keyNumbers, size);
    }
    this.from[this.count] = this.person(a);
    this.to[this.count] = this.person(b);
    this.strength[this.count] = strength;
    this.key(key);
    this.count += 1;
  }

  private key(key: string | null): void {
    if (!this.keyStrings) {
      const match = key ? ELEMENT_ID.exec(key) : null;
      if (match && (this.prefix === null || this.prefix === match[1])) {
        this.prefix = match[1]!;
        const n = Number(match[2]);
        this.keyNumbers = keyNumbersFor(this.keyNumbers, n);
        this.keyNumbers[this.count] = n;
        return;
      }
      const prefix = this.prefix;
      this.keyStrings = Array.from(this.keyNumbers.subarray(0, this.count), (n) => `${prefix}${n}`);
    }
    this.keyStrings.push(key);
  }

  /** The graph; the builder's columns are released (the builder is not used again). */
  build(): TieGraph {
    const people = this.ids.length;
    const degree = new Uint32Array(headroom(people));
    for (let t = 0; t < this.count; t++) {
      degree[this.from[t]!]! += 1;
      degree[this.to[t]!]! += 1;
    }
    const first = new Uint32Array(degree.length);
    for (let i = 1; i < people; i++) first[i] = first[i - 1]! + degree[i - 1]!;
    const edges = 2 * this.count;
    const neighbours = new Uint32Array(headroom(edges));
    const ties = new Uint32Array(neighbours.length);
    const fill = first.slice(0, people);
    for (let t = 0; t < this.count; t++) {
      const i = this.from[t]!;
      const j = this.to[t]!;
      let e = fill[i]!++;
      neighbours[e] = j;
      ties[e] = t;
      e = fill[j]!++;
      neighbours[e] = i;
      ties[e] = t;
    }
    const tieRoom = headroom(this.count);
    // The builder's own column when it has the room and little more (the usual load, sized from the expected count):
    // no second copy of it at the load's peak (~80 MB each at XL's 10,000,000 ties).
    const kept = <T extends Float64Array | Uint32Array>(column: T): T =>
      column.length >= tieRoom && column.length - tieRoom <= tieRoom >>> 3 ? column : grown(column, tieRoom);
    const strengths = kept(this.strength);
    const tieKeys: TieKeys = this.keyStrings
      ? { count: this.count, prefix: null, strings: this.keyStrings }
      : { count: this.count, prefix: this.prefix ?? "", numbers: kept(this.keyNumbers) };
    // The load's columns go now, not when the builder does (~24 bytes a tie at L).
    this.from = this.to = new Uint32Array(0);
    this.strength = new Float64Array(0);
    this.keyNumbers = new Uint32Array(0);
    return {
      ids: this.ids,
      indexOf: this.indexOf,
      first,
      degree,
      neighbours,
      ties,
      strengths,
      tieKeys,
      edgesUsed: edges,
      deadEdges: 0,
      deadTies: 0,
    };
  }
}

// ---- Following tie writes (TieGraphStore.ts) -----------------------------------------------------------------------

/** A tie read after writes, by elementId: its two people's indexes and its strength. */
interface FreshTie {
  a: number;
  b: number;
  strength: number;
}

/**
 * Puts the ties read into the graph (applyTieChanges, applyPairChanges): a tie it had (`oldTie`, by elementId) keeps its
 * slot, a new one gets the next, and the old ties not read again are counted dead. Returns, per person, the edges the
 * ties read give them ([other, tie, other, tie, …]), the people in the order the ties name them (a, then b).
 */
function placeFreshTies(graph: TieGraph, fresh: Map<string, FreshTie>, oldTie: Map<string, number>): Map<number, number[]> {
  const towards = new Map<number, number[]>();
  const edge = (x: number, y: number, tie: number): void => {
    let list = towards.get(x);
    if (!list) towards.set(x, (list = []));
    list.push(y, tie);
  };
  for (const [key, { a, b, strength }] of fresh) {
    // A tie that stays keeps its slot; a new one gets the next.
    const tie = oldTie.get(key) ?? addTie(graph, key);
    oldTie.delete(key);
    graph.strengths[tie] = strength;
    edge(a, b, tie);
    edge(b, a, tie);
  }
  graph.deadTies += oldTie.size;
  return towards;
}

/** A person's kept edges with the edges the ties read give them appended. */
function withAdded(kept: number[], added: readonly number[] | undefined): number[] {
  if (added) for (const v of added) kept.push(v);
  return kept;
}

/**
 * One person's ties as the database holds them now (READ_TIES_OF_PEOPLE): every KNOWS tie at them, either direction,
 * as [the person at the other end, its strength (null: none), its elementId].
 */
export interface PersonTies {
  id: string;
  ties: Array<[other: string, strength: number | null, key: string]>;
}

/**
 * Brings the graph to the database's state after tie writes, in place, from the current ties of the people the
 * writes named (the tie-change log: server/platform/neo4j/tie-version.ts). Exact as long as every tie that changed
 * (added, removed, strength set) has at least one end among `people`: their lists become exactly the ties read; every
 * other person keeps their ties to people outside `people` and gets, towards `people`, exactly the ties read. A person
 * in `people` the database no longer has (no row) keeps no ties. Returns how many lists were written.
 */
export function applyTieChanges(graph: TieGraph, people: readonly string[], current: readonly PersonTies[]): number {
  const read = new Map(current.map((p) => [p.id, p]));
  /** The people whose lists are read in full (those of `people` the graph or the database has). */
  const whole = new Set<number>();
  for (const id of people) {
    const known = graph.indexOf.get(id);
    const row = read.get(id);
    if (known !== undefined) whole.add(known);
    else if (row && row.ties.length > 0) whole.add(addPerson(graph, id));
  }
  // The ties read, once each (a tie between two of `people` comes in both their rows), by elementId.
  const fresh = new Map<string, FreshTie>();
  for (const id of people) {
    const row = read.get(id);
    if (!row) continue;
    const a = graph.indexOf.get(id)!;
    for (const [other, strength, key] of row.ties) {
      if (other === id || typeof strength !== "number" || Number.isNaN(strength) || fresh.has(key)) continue;
      const b = graph.indexOf.get(other) ?? addPerson(graph, other);
      fresh.set(key, { a, b, strength });
    }
  }
  // Who changes: the people read, their old neighbours, and the far ends of the ties read.
  const touched = new Set(whole);
  const oldTie = new Map<string, number>();
  for (const p of whole) {
    for (let e = graph.first[p]!, end = e + graph.degree[p]!; e < end; e++) {
      touched.add(graph.neighbours[e]!);
      oldTie.set(tieKey(graph, graph.ties[e]!)!, graph.ties[e]!);
    }
  }
  const towards = placeFreshTies(graph, fresh, oldTie);
  for (const x of towards.keys()) touched.add(x);
  // Every new list from the old graph first, then written (writing may move the other lists).
  const lists: Array<[number, number[]]> = [];
  for (const x of touched) {
    const list: number[] = [];
    if (!whole.has(x)) {
      for (let e = graph.first[x]!, end = e + graph.degree[x]!; e < end; e++) {
        if (!whole.has(graph.neighbours[e]!)) list.push(graph.neighbours[e]!, graph.ties[e]!);
      }
    }
    lists.push([x, withAdded(list, towards.get(x))]);
  }
  for (const [x, list] of lists) writeList(graph, x, list);
  compactWhenWasteful(graph);
  return lists.length;
}

/**
 * The ties between two people as the database holds them now (READ_TIES_OF_PAIRS): every KNOWS tie between `a` and `b`,
 * either direction, as [its strength (null: none), its elementId].
 */
export interface PairTies {
  a: string;
  b: string;
  ties: Array<[strength: number | null, key: string]>;
}

/**
 * Brings the graph to the database's state after tie writes that named the pairs whose ties they changed (the tie-change
 * log's "<a>|<b>" entries: server/platform/neo4j/tie-version.ts), in place, from the ties now between each pair. Exact
 * as long as every tie that changed (added, removed, strength set) lies between one of the pairs: for each pair, the
 * edges between its two people become exactly the ties read, and every other edge stays — only the two people's lists
 * are written, not those of all their neighbours (a coordinator's ~4,000 at L, applyTieChanges). A person new to the
 * graph is added when a tie of theirs is read. Returns how many lists were written.
 */
export function applyPairChanges(graph: TieGraph, pairs: readonly PairTies[]): number {
  /** Per person, the people at the other end of their pairs: the edges between them are replaced. */
  const replaced = new Map<number, Set<number>>();
  const fresh = new Map<string, FreshTie>();
  for (const { a, b, ties } of pairs) {
    if (a === b) continue;
    const live = ties.filter(([strength]) => typeof strength === "number" && !Number.isNaN(strength));
    let i = graph.indexOf.get(a);
    let j = graph.indexOf.get(b);
    // Someone the graph does not have holds no tie in it: nothing to remove, and nothing to add when none is read.
    if ((i === undefined || j === undefined) && live.length === 0) continue;
    i ??= addPerson(graph, a);
    j ??= addPerson(graph, b);
    (replaced.get(i) ?? replaced.set(i, new Set()).get(i)!).add(j);
    (replaced.get(j) ?? replaced.set(j, new Set()).get(j)!).add(i);
    // A pair named twice (either order) reads the same ties: each is added once, by elementId.
    for (const [strength, key] of live) if (!fresh.has(key)) fresh.set(key, { a: i, b: j, strength: strength! });
  }
  // The ties between the pairs now in the graph (seen from both ends, once by elementId).
  const oldTie = new Map<string, number>();
  for (const [x, others] of replaced) {
    for (let e = graph.first[x]!, end = e + graph.degree[x]!; e < end; e++) {
      if (others.has(graph.neighbours[e]!)) oldTie.set(tieKey(graph, graph.ties[e]!)!, graph.ties[e]!);
    }
  }
  const towards = placeFreshTies(graph, fresh, oldTie);
  // Every new list from the old graph first, then written (writing may move the other lists).
  const lists: Array<[number, number[]]> = [];
  for (const [x, others] of replaced) {
    const list: number[] = [];
    for (let e = graph.first[x]!, end = e + graph.degree[x]!; e < end; e++) {
      if (!others.has(graph.neighbours[e]!)) list.push(graph.neighbours[e]!, graph.ties[e]!);
    }
    lists.push([x, withAdded(list, towards.get(x))]);
  }
  for (const [x, list] of lists) writeList(graph, x, list);
  compactWhenWasteful(graph);
  return lists.length;
}

/** Compacts the graph when a quarter of its edge or tie slots are garbage (and they are many). */
function compactWhenWasteful(graph: TieGraph): void {
  if (
    graph.deadEdges > Math.max(1 << 16, graph.edgesUsed >>> 2) ||
    graph.deadTies > Math.max(1 << 15, graph.tieKeys.count >>> 2)
  ) {
    compactTieGraph(graph);
  }
}

function addPerson(graph: TieGraph, id: string): number {
  const n = graph.ids.length;
  graph.ids.push(id);
  graph.indexOf.set(id, n);
  if (n >= graph.first.length) {
    graph.first = grown(graph.first, headroom(n));
    graph.degree = grown(graph.degree, graph.first.length);
  }
  graph.first[n] = 0;
  graph.degree[n] = 0;
  return n;
}

function addTie(graph: TieGraph, key: string): number {
  const keys = graph.tieKeys;
  const t = keys.count;
  if (t >= graph.strengths.length) graph.strengths = grown(graph.strengths, headroom(t));
  const match = keys.prefix !== null ? ELEMENT_ID.exec(key) : null;
  if (keys.prefix !== null && (!match || match[1] !== keys.prefix)) {
    // Another shape of elementId: the keys are kept as strings from now on.
    const prefix = keys.prefix;
    graph.tieKeys = { count: t, prefix: null, strings: Array.from(keys.numbers.subarray(0, t), (n) => `${prefix}${n}`) };
  }
  const now = graph.tieKeys;
  if (now.prefix === null) now.strings[t] = key;
  else {
    const n = Number(match![2]);
    now.numbers = keyNumbersFor(now.numbers, n);
    if (t >= now.numbers.length) now.numbers = grown(now.numbers, graph.strengths.length);
    now.numbers[t] = n;
  }
  now.count = t + 1;
  return t;
}

/** Person x's list becomes `list` ([neighbour, tie] pairs): in place when it fits, else at the end of the columns. */
function writeList(graph: TieGraph, x: number, list: readonly number[]): void {
  const n = list.length / 2;
  const had = graph.degree[x]!;
  // The lists still to be written hold tie numbers: this compaction keeps them.
  if (n > had && graph.edgesUsed + n > graph.neighbours.length) compactTieGraph(graph, n, false);
  let at = graph.first[x]!;
  if (n > had) {
    at = graph.edgesUsed;
    graph.edgesUsed += n;
    graph.deadEdges += had;
  } else graph.deadEdges += had - n;
  for (let i = 0; i < n; i++) {
    graph.neighbours[at + i] = list[2 * i]!;
    graph.ties[at + i] = list[2 * i + 1]!;
  }
  graph.first[x] = at;
  graph.degree[x] = n;
}

/**
 * Writes every list again without the garbage, with room for `extra` more edges: after many tie writes, or when a list
 * that grew finds no room at the end. The people keep their numbers; the ties are numbered anew (without the removed
 * ones) unless `renumber` is false.
 */
export function compactTieGraph(graph: TieGraph, extra = 0, renumber = true): void {
  const people = graph.ids.length;
  let live = 0;
  for (let i = 0; i < people; i++) live += graph.degree[i]!;
  const neighbours = new Uint32Array(headroom(live + extra));
  const ties = new Uint32Array(neighbours.length);
  if (!renumber) {
    let at = 0;
    for (let i = 0; i < people; i++) {
      const from = graph.first[i]!;
      const n = graph.degree[i]!;
      graph.first[i] = at;
      neighbours.set(graph.neighbours.subarray(from, from + n), at);
      ties.set(graph.ties.subarray(from, from + n), at);
      at += n;
    }
    Object.assign(graph, { neighbours, ties, edgesUsed: at, deadEdges: 0 });
    return;
  }
  const renumbered = new Int32Array(graph.tieKeys.count).fill(-1);
  let liveTies = 0;
  for (let i = 0; i < people; i++) {
    for (let e = graph.first[i]!, end = e + graph.degree[i]!; e < end; e++) {
      if (renumbered[graph.ties[e]!] === -1) renumbered[graph.ties[e]!] = liveTies++;
    }
  }
  const strengths = new Float64Array(headroom(liveTies));
  const old = graph.tieKeys;
  const keys: TieKeys =
    old.prefix === null
      ? { count: liveTies, prefix: null, strings: new Array<string | null>(liveTies).fill(null) }
      : {
          count: liveTies,
          prefix: old.prefix,
          numbers: old.numbers instanceof Uint32Array ? new Uint32Array(strengths.length) : new Float64Array(strengths.length),
        };
  for (let t = 0; t < renumbered.length; t++) {
    const u = renumbered[t]!;
    if (u === -1) continue;
    strengths[u] = graph.strengths[t]!;
    if (keys.prefix === null) keys.strings[u] = (old as { strings: Array<string | null> }).strings[t] ?? null;
    else keys.numbers[u] = (old as { numbers: KeyNumbers }).numbers[t]!;
  }
  let at = 0;
  for (let i = 0; i < people; i++) {
    const from = graph.first[i]!;
    const n = graph.degree[i]!;
    graph.first[i] = at;
    for (let e = from; e < from + n; e++, at++) {
      neighbours[at] = graph.neighbours[e]!;
      ties[at] = renumbered[graph.ties[e]!]!;
    }
  }
  Object.assign(graph, { neighbours, ties, strengths, tieKeys: keys, edgesUsed: at, deadEdges: 0, deadTies: 0 });
}

export interface TieGraphQuery {
  /** The starting people. */
  sources: readonly string[];
  /** The people a path may end at. Someone also among the sources is a source only (as in warmPathsStatement). */
  targets: readonly string[];
  avoid: readonly string[];
  k: number;
  maxHops: number;
  minStrength: number;
  /** Sum of the ends' degrees up to which no ladder is used (default LIGHT_ENDS; 0 forces it). */
  lightEnds?: number;
}

/** A ranked path found in the graph: RankedPath's ids, score and hops, and the edges (indices) it runs along. */
export interface FoundPath {
  personIds: string[];
  /** The ties in path order, as indices into graph.tieKeys. */
  tieIndices: number[];
  /** The tie strengths in path order. */
  strengths: number[];
  score: number;
  hops: number;
}

/**
 * The k best warm paths, exactly as rankedPathsCall (statements.ts) ranks them: every simple path of 1 to maxHops
 * ties from a source to a target whose people in between are neither sources, targets nor avoided, every tie at least
 * minStrength; ranked by score — the product of the strengths multiplied from the first tie to the last, compared
 * rounded to 9 decimals (round(score × 1e9), so that equal products computed in different orders tie) — descending,
 * then fewer ties, then the list of person ids ascending. The same strength ladder as the database's search
 * (rank-warm-paths.ts), which keeps the work small around hubs and is exact at every rung.
 *
 * The one order the rule leaves open: two paths through the same people over parallel ties of equal strength (two
 * ties between one pair) — the database's order between them is its own; here the ties' load order decides.
 */
export function searchTieGraph(graph: TieGraph, query: TieGraphQuery): FoundPath[] {
  const avoid = numbers(graph, query.avoid);
  const sources = numbers(graph, query.sources);
  for (const a of avoid) sources.delete(a);
  const targets = numbers(graph, query.targets);
  for (const x of [...avoid, ...sources]) targets.delete(x);
  if (sources.size === 0 || targets.size === 0 || query.k < 1) return [];
  // The first rung as FIRST_FLOOR (statements.ts) picks it; which rung comes first changes the work, never the answer.
  let degrees = 0;
  for (const i of [...sources, ...targets]) degrees += graph.degree[i]!;
  const ladderFrom = STRENGTH_LADDER[0];
  let floor = degrees <= (query.lightEnds ?? LIGHT_ENDS) || query.minStrength >= ladderFrom ? query.minStrength : ladderFrom;
  for (;;) {
    const paths = searchAtFloor(graph, query, sources, targets, avoid, floor);
    const next = nextFloor(paths, floor, query.minStrength, query.k);
    if (next === null) return paths;
    floor = next;
  }
}

function numbers(graph: TieGraph, ids: readonly string[]): Set<number> {
  const found = new Set<number>();
  for (const id of ids) {
    const i = graph.indexOf.get(id);
    if (i !== undefined) found.add(i);
  }
  return found;
}

/** A half path from one end: its people and edges in walking order. */
interface Half {
  nodes: number[];
  edges: number[];
}

interface Candidate {
  nodes: number[];
  edges: number[];
  score: number;
  key: number;
}

/** The k best paths whose ties are all at least max(floor, minStrength): meeting in the middle, as rankedPathsCall. */
function searchAtFloor(
  graph: TieGraph,
  query: TieGraphQuery,
  sources: ReadonlySet<number>,
  targets: ReadonlySet<number>,
  avoid: ReadonlySet<number>,
  floor: number,
): FoundPath[] {
  const least = Math.max(floor, query.minStrength);
  const { first, degree, neighbours, ties, strengths } = graph;
  const blocked = (n: number): boolean => sources.has(n) || targets.has(n) || avoid.has(n);
  const candidates: Candidate[] = [];
  const add = (nodes: number[], edges: number[]): void => {
    // The score as the statement computes it: reduce(x = 1.0, e IN ties | x * e.strength), first tie to last.
    let score = 1;
    for (const e of edges) score *= strengths[ties[e]!]!;
    candidates.push({ nodes, edges, score, key: Math.round(score * 1e9) });
  };

  // One tie: a source's tie to a target.
  for (const s of sources) {
    for (let e = first[s]!, end = e + degree[s]!; e < end; e++) {
      if (strengths[ties[e]!]! >= least && targets.has(neighbours[e]!)) add([s, neighbours[e]!], [e]);
    }
  }

  // Two ties or more: a source half of ceil(L/2) ties and a target half of floor(L/2), joined where they meet.
  const sourceHalf = Math.ceil(query.maxHops / 2);
  const targetHalf = Math.floor(query.maxHops / 2);
  if (targetHalf > 0) {
    const fromTargets = halves(graph, targets, targetHalf, least, blocked);
    const fromSources = halves(graph, sources, sourceHalf, least, blocked, fromTargets);
    for (const [meet, forward] of fromSources) {
      const backward = fromTargets.get(meet)!;
      for (const f of forward) {
        const a = f.edges.length;
        for (const b of backward) {
          const split = a - b.edges.length;
          if (split !== 0 && split !== 1) continue;
          if (b.nodes.some((n, i) => i < b.nodes.length - 1 && f.nodes.includes(n))) continue;
          const nodes = f.nodes.concat(b.nodes.slice(0, -1).reverse());
          const edges = f.edges.concat([...b.edges].reverse());
          add(nodes, edges);
        }
      }
    }
  }

  candidates.sort(comparePaths(graph));
  return candidates.slice(0, query.k).map((c) => ({
    personIds: c.nodes.map((n) => graph.ids[n]!),
    tieIndices: c.edges.map((e) => ties[e]!),
    strengths: c.edges.map((e) => strengths[ties[e]!]!),
    score: c.score,
    hops: c.edges.length,
  }));
}

/**
 * Every simple walk of 1 to `length` ties from each of `starts`, over ties of at least `least`, that steps only onto
 * people who are not blocked (sources, targets, avoided), grouped by the person it ends at. With `meetingAt`, only walks
 * ending where one of those walks ends are kept (the others could join nothing); every walk is still followed.
 */
function halves(
  graph: TieGraph,
  starts: ReadonlySet<number>,
  length: number,
  least: number,
  blocked: (n: number) => boolean,
  meetingAt?: ReadonlyMap<number, Half[]>,
): Map<number, Half[]> {
  const { first, degree, neighbours, ties, strengths } = graph;
  const byEnd = new Map<number, Half[]>();
  const nodes: number[] = [];
  const edges: number[] = [];
  const walk = (): void => {
    const last = nodes[nodes.length - 1]!;
    for (let e = first[last]!, end = e + degree[last]!; e < end; e++) {
      const next = neighbours[e]!;
      if (strengths[ties[e]!]! < least || blocked(next) || nodes.includes(next)) continue;
      nodes.push(next);
      edges.push(e);
      if (!meetingAt || meetingAt.has(next)) {
        let list = byEnd.get(next);
        if (!list) byEnd.set(next, (list = []));
        list.push({ nodes: [...nodes], edges: [...edges] });
      }
      if (edges.length < length) walk();
      nodes.pop();
      edges.pop();
    }
  };
  for (const s of starts) {
    nodes.push(s);
    walk();
    nodes.pop();
  }
  return byEnd;
}

/** Score rounded to 9 decimals descending, then fewer ties, then the person ids in order, ascending. */
function comparePaths(graph: TieGraph): (x: Candidate, y: Candidate) => number {
  return (x, y) => {
    if (x.key !== y.key) return y.key - x.key;
    if (x.edges.length !== y.edges.length) return x.edges.length - y.edges.length;
    for (let i = 0; i < x.nodes.length; i++) {
      if (x.nodes[i] === y.nodes[i]) continue;
      const a = graph.ids[x.nodes[i]!]!;
      const b = graph.ids[y.nodes[i]!]!;
      if (a !== b) return a < b ? -1 : 1;
    }
    return 0;
  };
}

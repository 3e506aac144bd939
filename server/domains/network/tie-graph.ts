import { LIGHT_ENDS, nextFloor, STRENGTH_LADDER } from "./rank-warm-paths.js";

/**
 * Every KNOWS tie with its strength, held in memory as compressed adjacency lists in typed arrays, and the exact
 * warm-path search over it (searchTieGraph): the rule of docs/network-analytics.md ("Warm contact paths") that
 * rankedPathsCall in statements.ts states in Cypher, computed here in JavaScript. The analytics worker answers warmPaths
 * with it (find-warm-paths-in-memory.ts) and the bench uses it as its in-memory baseline (bench/baseline).
 *
 * Each relationship is its own edge (two ties between one pair, one each way, are two edges, as the Cypher search
 * enumerates both); a tie without a strength, and a tie from a person to themselves, is on no path and is left out.
 */
export interface TieGraph {
  /** Person ids; a person's number is their index. */
  ids: string[];
  indexOf: Map<string, number>;
  /** offsets[i]..offsets[i+1] index into neighbours/strengths/ties: the ties of person i, both directions. */
  offsets: Uint32Array;
  neighbours: Uint32Array;
  strengths: Float64Array;
  /** The tie (relationship) each edge stands for: an index into tieKeys, the same for both directions. */
  ties: Uint32Array;
  /** Per tie, what names it in the database (its elementId): tieKey(graph, tie). */
  tieKeys: TieKeys;
}

/**
 * The ties' elementIds. In one database they are one prefix ("5:<database id>:") and a number, so they are kept as
 * that prefix and a Float64Array (8 bytes a tie instead of a ~60-byte string: ~8 MB at L instead of ~70 MB); any other
 * shape is kept as the strings.
 */
export type TieKeys =
  { count: number; prefix: string; numbers: Float64Array } | { count: number; prefix: null; strings: Array<string | null> };

/** An elementId as Neo4j 5 writes it: "<kind>:<database id>:<number>" — the prefix and the number. */
const ELEMENT_ID = /^(.*:)(\d{1,15})$/;

function packTieKeys(keys: Array<string | null>): TieKeys {
  let prefix: string | null = null;
  const numbers = new Float64Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const match = keys[i] ? ELEMENT_ID.exec(keys[i]!) : null;
    if (!match || (prefix !== null && match[1] !== prefix)) return { count: keys.length, prefix: null, strings: keys };
    prefix = match[1]!;
    numbers[i] = Number(match[2]);
  }
  return prefix === null ? { count: keys.length, prefix: null, strings: keys } : { count: keys.length, prefix, numbers };
}

/** The elementId of tie number `tie`; null when the graph was built without them. */
export function tieKey(graph: TieGraph, tie: number): string | null {
  const keys = graph.tieKeys;
  return keys.prefix === null ? (keys.strings[tie] ?? null) : `${keys.prefix}${keys.numbers[tie]!}`;
}

/** One tie as it is loaded: its two ends, its strength (null: none), and what names it in the database. */
export type LoadedTie = [from: string, to: string, strength: number | null, key?: string | null];

/** Builds the graph from its people and ties (ties whose ends are not among the people are left out). */
export function buildTieGraph(ids: readonly string[], ties: readonly LoadedTie[]): TieGraph {
  const people = [...new Set(ids)];
  const indexOf = new Map(people.map((id, i) => [id, i] as const));
  const degree = new Uint32Array(people.length + 1);
  const kept: Array<[number, number, number, string | null]> = [];
  for (const [a, b, s, key] of ties) {
    const i = indexOf.get(a);
    const j = indexOf.get(b);
    if (i === undefined || j === undefined || i === j || typeof s !== "number" || Number.isNaN(s)) continue;
    kept.push([i, j, s, key ?? null]);
    degree[i + 1]! += 1;
    degree[j + 1]! += 1;
  }
  const offsets = new Uint32Array(people.length + 1);
  for (let i = 1; i <= people.length; i++) offsets[i] = offsets[i - 1]! + degree[i]!;
  const fill = offsets.slice(0, people.length);
  const edges = offsets[people.length]!;
  const neighbours = new Uint32Array(edges);
  const strengths = new Float64Array(edges);
  const tieOfEdge = new Uint32Array(edges);
  const tieKeys: Array<string | null> = [];
  for (const [i, j, s, key] of kept) {
    const tie = tieKeys.length;
    tieKeys.push(key);
    for (const [from, to] of [
      [i, j],
      [j, i],
    ] as const) {
      const e = fill[from]!++;
      neighbours[e] = to;
      strengths[e] = s;
      tieOfEdge[e] = tie;
    }
  }
  return { ids: people, indexOf, offsets, neighbours, strengths, ties: tieOfEdge, tieKeys: packTieKeys(tieKeys) };
}

/**
 * Builds a tie graph tie by tie, as the pages of READ_TIE_GRAPH_PAGE come in, into growing typed columns instead of a
 * list of tuples: at L the load then holds ~24 bytes per tie besides the rows of one page, not ~150.
 */
export class TieGraphBuilder {
  private readonly ids: string[] = [];
  private readonly indexOf = new Map<string, number>();
  private from = new Uint32Array(1024);
  private to = new Uint32Array(1024);
  private strength = new Float64Array(1024);
  /** The elementIds as one prefix and numbers while they all have that shape (packTieKeys), else as strings. */
  private prefix: string | null = null;
  private keyNumbers = new Float64Array(1024);
  private keyStrings: Array<string | null> | null = null;
  private count = 0;

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
      const grow = <T extends Uint32Array | Float64Array>(old: T, make: (n: number) => T): T => {
        const bigger = make(old.length * 2);
        bigger.set(old);
        return bigger;
      };
      this.from = grow(this.from, (n) => new Uint32Array(n));
      this.to = grow(this.to, (n) => new Uint32Array(n));
      this.strength = grow(this.strength, (n) => new Float64Array(n));
      this.keyNumbers = grow(this.keyNumbers, (n) => new Float64Array(n));
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
        this.keyNumbers[this.count] = Number(match[2]);
        return;
      }
      const prefix = this.prefix;
      this.keyStrings = Array.from(this.keyNumbers.subarray(0, this.count), (n) => `${prefix}${n}`);
    }
    this.keyStrings.push(key);
  }

  build(): TieGraph {
    const people = this.ids.length;
    const offsets = new Uint32Array(people + 1);
    for (let t = 0; t < this.count; t++) {
      offsets[this.from[t]! + 1]! += 1;
      offsets[this.to[t]! + 1]! += 1;
    }
    for (let i = 1; i <= people; i++) offsets[i]! += offsets[i - 1]!;
    const fill = offsets.slice(0, people);
    const neighbours = new Uint32Array(offsets[people]!);
    const strengths = new Float64Array(offsets[people]!);
    const ties = new Uint32Array(offsets[people]!);
    for (let t = 0; t < this.count; t++) {
      const i = this.from[t]!;
      const j = this.to[t]!;
      const s = this.strength[t]!;
      let e = fill[i]!++;
      neighbours[e] = j;
      strengths[e] = s;
      ties[e] = t;
      e = fill[j]!++;
      neighbours[e] = i;
      strengths[e] = s;
      ties[e] = t;
    }
    const tieKeys: TieKeys = this.keyStrings
      ? { count: this.count, prefix: null, strings: this.keyStrings }
      : { count: this.count, prefix: this.prefix ?? "", numbers: this.keyNumbers.slice(0, this.count) };
    return { ids: this.ids, indexOf: this.indexOf, offsets, neighbours, strengths, ties, tieKeys };
  }
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
  for (const i of [...sources, ...targets]) degrees += graph.offsets[i + 1]! - graph.offsets[i]!;
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
  const { offsets, neighbours, strengths } = graph;
  const blocked = (n: number): boolean => sources.has(n) || targets.has(n) || avoid.has(n);
  const candidates: Candidate[] = [];
  const add = (nodes: number[], edges: number[]): void => {
    // The score as the statement computes it: reduce(x = 1.0, e IN ties | x * e.strength), first tie to last.
    let score = 1;
    for (const e of edges) score *= strengths[e]!;
    candidates.push({ nodes, edges, score, key: Math.round(score * 1e9) });
  };

  // One tie: a source's tie to a target.
  for (const s of sources) {
    for (let e = offsets[s]!; e < offsets[s + 1]!; e++) {
      if (strengths[e]! >= least && targets.has(neighbours[e]!)) add([s, neighbours[e]!], [e]);
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
    tieIndices: c.edges.map((e) => graph.ties[e]!),
    strengths: c.edges.map((e) => strengths[e]!),
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
  const { offsets, neighbours, strengths } = graph;
  const byEnd = new Map<number, Half[]>();
  const nodes: number[] = [];
  const edges: number[] = [];
  const walk = (): void => {
    const last = nodes[nodes.length - 1]!;
    for (let e = offsets[last]!; e < offsets[last + 1]!; e++) {
      const next = neighbours[e]!;
      if (strengths[e]! < least || blocked(next) || nodes.includes(next)) continue;
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

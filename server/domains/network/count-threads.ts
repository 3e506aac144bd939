/**
 * Threads and single points of failure on a bounded warm neighbourhood, computed exactly in
 * memory: vertex-disjoint max-flow with node splitting and unit capacities.
 *
 * - Every starting person (W) hangs off one super-source with unlimited capacity: W's own people
 *   may be shared by threads ("share no person outside W").
 * - Every other person v is split into v_in → v_out with capacity 1, so at most one thread passes.
 * - Every target (R) has r_in → super-sink with capacity 1: each target ends at most one thread.
 *   Threads end at the first target they reach and never run through a starting person; neither
 *   restriction changes the maximum (a thread through a target can stop there; one through a
 *   starting person can start there), it only keeps the witness paths short and readable.
 * - A person in both W and R counts as one thread of no ties on their own.
 * Augmenting paths are found by breadth-first search (Edmonds–Karp); the flow is at most |R|.
 */

export interface ThreadGraph {
  sources: ReadonlySet<string>;
  targets: ReadonlySet<string>;
  /** Undirected warm ties among the people of the neighbourhood. */
  neighbours: ReadonlyMap<string, readonly string[]>;
}

export interface ThreadCount {
  threads: number;
  /** One maximum set of disjoint threads, each from a starting person to a target (ids in order). */
  paths: string[][];
  /** People outside W whose removal leaves no route from W to any target; only when threads = 1. */
  singlePointsOfFailure: string[];
}

/**
 * The flow network in flat arrays. Arc pair k is arc 2k (forward, with its capacity) and 2k + 1
 * (its reverse twin, capacity 0); each node lists its arcs in the order they were added (people by
 * id, their neighbours by id), and the breadth-first search meets them in that order: the witness
 * threads depend on it, so it is part of the rule.
 */
class FlowNetwork {
  private nodes = 0;
  /** Arcs added so far, and their tails, heads and capacities (typed, grown by doubling). */
  private arcs = 0;
  private tails: Int32Array;
  private heads: Int32Array;
  private caps: Float64Array;
  private cap = new Float64Array(0);
  private orig = new Float64Array(0);
  private head = new Int32Array(0);
  private firstArc = new Int32Array(0);
  private arcOrder = new Int32Array(0);

  /** `expectedPairs`: about how many arc pairs will be added (room made at once). */
  constructor(expectedPairs = 64) {
    const size = 2 * Math.max(16, expectedPairs);
    this.tails = new Int32Array(size);
    this.heads = new Int32Array(size);
    this.caps = new Float64Array(size);
  }

  node(): number {
    return this.nodes++;
  }

  add(from: number, to: number, cap: number): void {
    const a = this.arcs;
    if (a + 2 > this.tails.length) {
      const grow = <T extends Int32Array | Float64Array>(old: T): T => {
        const bigger = new (old.constructor as new (n: number) => T)(old.length * 2);
        bigger.set(old);
        return bigger;
      };
      this.tails = grow(this.tails);
      this.heads = grow(this.heads);
      this.caps = grow(this.caps);
    }
    this.tails[a] = from;
    this.tails[a + 1] = to;
    this.heads[a] = to;
    this.heads[a + 1] = from;
    this.caps[a] = cap;
    this.caps[a + 1] = 0;
    this.arcs = a + 2;
  }

  /** Freezes the arcs into per-node lists (in the order added). */
  seal(): void {
    const arcs = this.arcs;
    this.cap = this.caps.slice(0, arcs);
    this.orig = this.caps.slice(0, arcs);
    this.head = this.heads.slice(0, arcs);
    this.firstArc = new Int32Array(this.nodes + 1);
    for (let a = 0; a < arcs; a++) this.firstArc[this.tails[a]! + 1]! += 1;
    for (let v = 0; v < this.nodes; v++) this.firstArc[v + 1]! += this.firstArc[v]!;
    const fill = this.firstArc.slice(0, this.nodes);
    this.arcOrder = new Int32Array(arcs);
    for (let a = 0; a < arcs; a++) this.arcOrder[fill[this.tails[a]!]!++] = a;
  }

  /** One augmenting path by BFS, pushed with one unit; false when none is left. */
  augment(source: number, sink: number, parentArc: Int32Array, queue: Int32Array): boolean {
    parentArc.fill(-1);
    parentArc[source] = -2;
    let tail = 0;
    queue[tail++] = source;
    for (let at = 0; at < tail && parentArc[sink] === -1; at++) {
      const u = queue[at]!;
      for (let i = this.firstArc[u]!, end = this.firstArc[u + 1]!; i < end; i++) {
        const arc = this.arcOrder[i]!;
        const to = this.head[arc]!;
        if (this.cap[arc]! > 0 && parentArc[to] === -1) {
          parentArc[to] = arc;
          queue[tail++] = to;
        }
      }
    }
    if (parentArc[sink] === -1) return false;
    for (let v = sink; v !== source;) {
      const arc = parentArc[v]!;
      this.cap[arc]! -= 1;
      this.cap[arc ^ 1]! += 1;
      v = this.head[arc ^ 1]!;
    }
    return true;
  }

  maxFlow(source: number, sink: number): number {
    this.seal();
    const parentArc = new Int32Array(this.nodes);
    const queue = new Int32Array(this.nodes);
    let flow = 0;
    while (this.augment(source, sink, parentArc, queue)) flow += 1;
    return flow;
  }

  /**
   * The maximum flow by Dinic's method (level graph, blocking flow): the same value as
   * Edmonds–Karp in O(E·√V) on a unit network instead of O(V·E), but a different set of augmenting
   * paths, so different witness threads. For figures that keep only the numbers (the refresh).
   */
  maxFlowDinic(source: number, sink: number): number {
    this.seal();
    const level = new Int32Array(this.nodes);
    const queue = new Int32Array(this.nodes);
    const next = new Int32Array(this.nodes);
    const pathArcs = new Int32Array(this.nodes);
    let flow = 0;
    for (;;) {
      level.fill(-1);
      level[source] = 0;
      let tail = 0;
      queue[tail++] = source;
      for (let at = 0; at < tail; at++) {
        const u = queue[at]!;
        for (let i = this.firstArc[u]!, end = this.firstArc[u + 1]!; i < end; i++) {
          const arc = this.arcOrder[i]!;
          const to = this.head[arc]!;
          if (this.cap[arc]! > 0 && level[to] === -1) {
            level[to] = level[u]! + 1;
            queue[tail++] = to;
          }
        }
      }
      if (level[sink] === -1) return flow;
      next.set(this.firstArc.subarray(0, this.nodes));
      // Depth-first along the level graph, one unit per path; a node with no way on is cut off.
      let depth = 0;
      let u = source;
      for (;;) {
        if (u === sink) {
          for (let k = 0; k < depth; k++) {
            this.cap[pathArcs[k]!]! -= 1;
            this.cap[pathArcs[k]! ^ 1]! += 1;
          }
          flow += 1;
          depth = 0;
          u = source;
          continue;
        }
        let advanced = false;
        for (const end = this.firstArc[u + 1]!; next[u]! < end; next[u]! += 1) {
          const arc = this.arcOrder[next[u]!]!;
          const to = this.head[arc]!;
          if (this.cap[arc]! > 0 && level[to] === level[u]! + 1) {
            pathArcs[depth++] = arc;
            u = to;
            advanced = true;
            break;
          }
        }
        if (advanced) continue;
        if (u === source) break;
        level[u] = -1;
        depth -= 1;
        u = this.head[pathArcs[depth]! ^ 1]!;
      }
    }
  }

  /**
   * Splits the flow into source–sink paths of nodes (flow decomposition). A walk that comes back
   * to a node already on it has gone round a cycle of flow, which carries nothing to the sink:
   * the cycle is cut off and the walk goes on. Each step takes the node's first arc (in the order
   * added) that still carries flow.
   */
  decompose(source: number, sink: number): number[][] {
    const left = new Float64Array(this.cap.length);
    for (let a = 0; a < left.length; a++) left[a] = this.orig[a]! > 0 ? this.orig[a]! - this.cap[a]! : 0;
    // Units only go down, so an arc passed over once never carries flow again.
    const next = this.firstArc.slice(0, this.nodes);
    const paths: number[][] = [];
    for (;;) {
      const path = [source];
      const onPath = new Map<number, number>([[source, 0]]);
      let node = source;
      while (node !== sink) {
        const end = this.firstArc[node + 1]!;
        while (next[node]! < end && left[this.arcOrder[next[node]!]!]! <= 0) next[node]! += 1;
        if (next[node]! >= end) break;
        const arc = this.arcOrder[next[node]!]!;
        left[arc]! -= 1;
        node = this.head[arc]!;
        const seenAt = onPath.get(node);
        if (seenAt !== undefined) {
          for (const dropped of path.splice(seenAt + 1)) onPath.delete(dropped);
        } else {
          onPath.set(node, path.length);
          path.push(node);
        }
      }
      if (node !== sink) return paths;
      paths.push(path);
    }
  }
}

const UNLIMITED = Number.MAX_SAFE_INTEGER;

/**
 * A thread graph with its people numbered in id order (UTF-16 code units, as sort() compares): the form the count
 * works on. countThreads numbers a ThreadGraph into it; the embedding's figures (thread-count-memo.ts) build it straight
 * from the warm neighbourhood's person numbers (load-warm-neighbourhood.ts), without a map of ids per person — at L a
 * programme's neighbourhood is thousands of people and tens of thousands of ties, and the maps cost more than the
 * max-flow.
 */
export interface NumberedThreadGraph {
  /** Person i's id; ascending. */
  ids: readonly string[];
  /** Per person: 1 when in W (sources), 1 when in R (targets). */
  isSource: Uint8Array;
  isTarget: Uint8Array;
  /** Person i's neighbours are adjacency[first[i]] .. adjacency[first[i + 1] - 1]: ascending, each once, never i. */
  first: Int32Array;
  adjacency: Int32Array;
}

/**
 * The lists of `from`'s people as a NumberedThreadGraph's columns: `pairs` holds (person, neighbour) twice per entry
 * (pairs[2k], pairs[2k + 1]), `count` entries, in any order and with repeats; each list comes out sorted, each
 * neighbour once, a person's own number left out.
 */
export function adjacencyOf(people: number, pairs: Int32Array, count: number): { first: Int32Array; adjacency: Int32Array } {
  const first = new Int32Array(people + 1);
  for (let k = 0; k < count; k++) first[pairs[2 * k]! + 1]! += 1;
  for (let i = 0; i < people; i++) first[i + 1]! += first[i]!;
  const fill = first.slice(0, people);
  const all = new Int32Array(count);
  for (let k = 0; k < count; k++) all[fill[pairs[2 * k]!]!++] = pairs[2 * k + 1]!;
  // Sorted and without repeats (or self) per person, written down over the same array.
  const kept = new Int32Array(people + 1);
  let at = 0;
  for (let i = 0; i < people; i++) {
    kept[i] = at;
    const list = all.subarray(first[i]!, first[i + 1]!).sort();
    let last = -1;
    for (let k = 0; k < list.length; k++) {
      const j = list[k]!;
      if (j === last || j === i) continue;
      all[at++] = j;
      last = j;
    }
  }
  kept[people] = at;
  return { first: kept, adjacency: all.slice(0, at) };
}

/** The ThreadGraph's people (W, R and everyone in a list) numbered in id order, each person's own list as it is given. */
export function numberThreadGraph(graph: ThreadGraph): NumberedThreadGraph {
  const people = new Set<string>([...graph.sources, ...graph.targets, ...graph.neighbours.keys()]);
  for (const list of graph.neighbours.values()) for (const p of list) people.add(p);
  const ids = [...people].sort();
  const rank = new Map(ids.map((p, i) => [p, i] as const));
  let entries = 0;
  for (const list of graph.neighbours.values()) entries += list.length;
  const pairs = new Int32Array(2 * entries);
  let k = 0;
  for (const [p, list] of graph.neighbours) {
    const i = rank.get(p)!;
    for (const q of list) {
      pairs[k++] = i;
      pairs[k++] = rank.get(q)!;
    }
  }
  return {
    ids,
    isSource: Uint8Array.from(ids, (p) => (graph.sources.has(p) ? 1 : 0)),
    isTarget: Uint8Array.from(ids, (p) => (graph.targets.has(p) ? 1 : 0)),
    ...adjacencyOf(ids.length, pairs, entries),
  };
}

/**
 * Threads on the graph, by Dinic's method (the default) or Edmonds–Karp: the same numbers (the
 * maximum and the single points of failure are properties of the graph, not of the flow found),
 * each with one maximum set of disjoint threads as witnesses, which may differ between the two.
 * Dinic is several times faster on the neighbourhoods of national scale (25–60 ms saved per
 * programme at 100,000 people); Edmonds–Karp stays as the plain reference the tests compare with.
 */
export function countThreads(graph: ThreadGraph, method: "edmonds-karp" | "dinic" = "dinic"): ThreadCount {
  return countNumberedThreads(numberThreadGraph(graph), method);
}

/** countThreads on a graph already numbered in id order. */
export function countNumberedThreads(graph: NumberedThreadGraph, method: "edmonds-karp" | "dinic" = "dinic"): ThreadCount {
  const { ids, isSource, isTarget, first, adjacency } = graph;
  const n = ids.length;
  /** In R and not in W: a thread ends there. */
  const ends = (i: number) => isTarget[i] === 1 && isSource[i] === 0;
  const both: number[] = [];
  for (let i = 0; i < n; i++) if (isSource[i] === 1 && isTarget[i] === 1) both.push(i);

  // One arc pair per person and at most one per entry of a list.
  const net = new FlowNetwork(n + adjacency.length);
  const source = net.node();
  const sink = net.node();
  // People go in in id order, so arcs go in in that order.
  const inOf = new Int32Array(n);
  const outOf = new Int32Array(n);
  const personAt = new Int32Array(2 + 2 * n).fill(-1);
  for (let i = 0; i < n; i++) {
    const vin = net.node();
    const vout = isSource[i] === 1 || ends(i) ? vin : net.node();
    inOf[i] = vin;
    outOf[i] = vout;
    personAt[vin] = i;
    if (isSource[i] === 1) net.add(source, vin, UNLIMITED);
    else if (ends(i)) net.add(vin, sink, 1);
    else net.add(vin, vout, 1);
  }
  for (let i = 0; i < n; i++) {
    if (ends(i)) continue; // threads end at the first target
    for (let k = first[i]!, end = first[i + 1]!; k < end; k++) {
      const j = adjacency[k]!;
      if (isSource[j] === 1) continue; // never into a starting person
      net.add(outOf[i]!, inOf[j]!, 1);
    }
  }

  const flow = method === "dinic" ? net.maxFlowDinic(source, sink) : net.maxFlow(source, sink);

  const flowPaths = net
    .decompose(source, sink)
    .map((nodes) => nodes.map((v) => personAt[v]!).filter((i) => i >= 0))
    .map((people) => ({ people, ids: people.map((i) => ids[i]!) }))
    .sort((a, b) => a.ids.length - b.ids.length || a.ids.join(">").localeCompare(b.ids.join(">")));
  const paths = [...both.map((i) => [i]), ...flowPaths.map((path) => path.people)];
  const threads = flow + both.length;
  const singlePointsOfFailure =
    threads === 1 ? (paths[0] ?? []).filter((i) => isSource[i] === 0 && !reachesTargetWithout(graph, i)).map((i) => ids[i]!) : [];
  return { threads, paths: paths.map((path) => path.map((i) => ids[i]!)), singlePointsOfFailure };
}

/**
 * With one thread, a person outside W is a single point of failure when removing them leaves no
 * route from W to any target. Every such person lies on every route, so on the one thread found.
 * Whether W still reaches a target with person `removed` taken out (routes end at the first target).
 */
function reachesTargetWithout(graph: NumberedThreadGraph, removed: number): boolean {
  const { isSource, isTarget, first, adjacency } = graph;
  const seen = new Uint8Array(graph.ids.length);
  const queue: number[] = [];
  for (let s = 0; s < seen.length; s++) {
    if (isSource[s] === 0 || s === removed) continue;
    if (isTarget[s] === 1) return true;
    seen[s] = 1;
    queue.push(s);
  }
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head]!;
    for (let k = first[u]!, end = first[u + 1]!; k < end; k++) {
      const q = adjacency[k]!;
      if (q === removed || seen[q] === 1) continue;
      if (isTarget[q] === 1) return true;
      seen[q] = 1;
      queue.push(q);
    }
  }
  return false;
}

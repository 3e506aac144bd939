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

interface Arc {
  to: number;
  cap: number;
  /** Capacity it was created with: 0 for the reverse twin of an arc. */
  orig: number;
  rev: number;
}

class FlowNetwork {
  readonly arcs: Arc[][] = [];

  node(): number {
    this.arcs.push([]);
    return this.arcs.length - 1;
  }

  add(from: number, to: number, cap: number): void {
    this.arcs[from]!.push({ to, cap, orig: cap, rev: this.arcs[to]!.length });
    this.arcs[to]!.push({ to: from, cap: 0, orig: 0, rev: this.arcs[from]!.length - 1 });
  }

  /** One augmenting path by BFS, pushed with one unit; false when none is left. */
  augment(source: number, sink: number): boolean {
    const parent: Array<[number, number] | undefined> = new Array(this.arcs.length);
    const queue = [source];
    parent[source] = [source, -1];
    for (let head = 0; head < queue.length && !parent[sink]; head++) {
      const u = queue[head]!;
      this.arcs[u]!.forEach((arc, index) => {
        if (arc.cap > 0 && !parent[arc.to]) {
          parent[arc.to] = [u, index];
          queue.push(arc.to);
        }
      });
    }
    if (!parent[sink]) return false;
    for (let v = sink; v !== source; ) {
      const [u, index] = parent[v]!;
      const arc = this.arcs[u]![index]!;
      arc.cap -= 1;
      this.arcs[v]![arc.rev]!.cap += 1;
      v = u;
    }
    return true;
  }

  /**
   * Splits the flow into source–sink paths of nodes (flow decomposition). A walk that comes back
   * to a node already on it has gone round a cycle of flow, which carries nothing to the sink:
   * the cycle is cut off and the walk goes on.
   */
  decompose(source: number, sink: number): number[][] {
    const left = this.arcs.map((list) => list.map((arc) => (arc.orig > 0 ? arc.orig - arc.cap : 0)));
    const paths: number[][] = [];
    for (;;) {
      const path = [source];
      const onPath = new Map<number, number>([[source, 0]]);
      let node = source;
      while (node !== sink) {
        const index = left[node]!.findIndex((units) => units > 0);
        if (index < 0) break;
        left[node]![index]! -= 1;
        node = this.arcs[node]![index]!.to;
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

export function countThreads(graph: ThreadGraph): ThreadCount {
  const both = [...graph.sources].filter((s) => graph.targets.has(s)).sort();
  const targets = new Set([...graph.targets].filter((t) => !graph.sources.has(t)));

  const net = new FlowNetwork();
  const source = net.node();
  const sink = net.node();
  const inOf = new Map<string, number>();
  const outOf = new Map<string, number>();
  const personAt = new Map<number, string>();
  const people = new Set<string>([...graph.sources, ...graph.targets, ...graph.neighbours.keys()]);
  for (const list of graph.neighbours.values()) for (const p of list) people.add(p);
  const ordered = [...people].sort();
  for (const p of ordered) {
    const vin = net.node();
    const vout = graph.sources.has(p) || targets.has(p) ? vin : net.node();
    inOf.set(p, vin);
    outOf.set(p, vout);
    personAt.set(vin, p);
    if (graph.sources.has(p)) net.add(source, vin, UNLIMITED);
    else if (targets.has(p)) net.add(vin, sink, 1);
    else net.add(vin, vout, 1);
  }
  for (const p of ordered) {
    if (targets.has(p)) continue; // threads end at the first target
    for (const q of [...new Set(graph.neighbours.get(p) ?? [])].sort()) {
      if (q === p || graph.sources.has(q)) continue; // never into a starting person
      net.add(outOf.get(p)!, inOf.get(q)!, 1);
    }
  }

  let flow = 0;
  while (net.augment(source, sink)) flow += 1;

  const flowPaths = net
    .decompose(source, sink)
    .map((nodes) => nodes.map((n) => personAt.get(n)).filter((p): p is string => p !== undefined))
    .sort((a, b) => a.length - b.length || a.join(">").localeCompare(b.join(">")));
  const paths = [...both.map((p) => [p]), ...flowPaths];
  const threads = flow + both.length;
  const singlePointsOfFailure = threads === 1 ? findSinglePoints(graph, paths[0] ?? []) : [];
  return { threads, paths, singlePointsOfFailure };
}

/**
 * With one thread, a person outside W is a single point of failure when removing them leaves no
 * route from W to any target. Every such person lies on every route, so on the one thread found.
 */
function findSinglePoints(graph: ThreadGraph, thread: readonly string[]): string[] {
  return thread.filter((p) => !graph.sources.has(p) && !reachesTarget(graph, p));
}

/** Whether W still reaches a target with `removed` taken out (routes end at the first target). */
export function reachesTarget(graph: ThreadGraph, removed: string | null): boolean {
  const seen = new Set<string>();
  const queue: string[] = [];
  for (const s of graph.sources) {
    if (s === removed) continue;
    if (graph.targets.has(s)) return true;
    seen.add(s);
    queue.push(s);
  }
  for (let head = 0; head < queue.length; head++) {
    for (const q of graph.neighbours.get(queue[head]!) ?? []) {
      if (q === removed || seen.has(q)) continue;
      if (graph.targets.has(q)) return true;
      seen.add(q);
      queue.push(q);
    }
  }
  return false;
}

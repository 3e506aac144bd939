import { LIGHT_ENDS, nextFloor, STRENGTH_LADDER } from "../../server/domains/network/rank-warm-paths.js";
import type { InMemoryGraph } from "./in-memory-graph.js";

export interface WarmPathQuery {
  from: string[];
  to: string[];
  k: number;
  maxHops: number;
  minStrength: number;
  avoid?: string[];
  /** Sum of the ends' degrees up to which no ladder is used (default LIGHT_ENDS; 0 forces it). */
  lightEnds?: number;
}

export interface InMemoryPath {
  people: string[];
  score: number;
  hops: number;
}

interface Half {
  nodes: number[];
  score: number;
}

/**
 * The warm-path rules of docs/network-analytics.md over the in-memory graph, meeting in the middle:
 * half paths of up to ceil(maxHops/2) ties from the starting people and up to floor(maxHops/2) from
 * the targets, joined on the person where they meet. A path holds one starting person (its first),
 * one target (its last), no person twice, nobody avoided, and only ties with strength >= minStrength.
 * Ranked by the product of strengths (higher first), then fewer hops, then the sequence of ids.
 */
export function findWarmPathsInMemory(graph: InMemoryGraph, query: WarmPathQuery): InMemoryPath[] {
  // The same strength ladder as the database's search (server/domains/network/rank-warm-paths.ts), so that
  // both sides do the same work around hubs and the comparison stays like for like.
  let degrees = 0;
  for (const id of [...query.from, ...query.to]) {
    const i = graph.indexOf.get(id);
    if (i !== undefined) degrees += graph.offsets[i + 1]! - graph.offsets[i]!;
  }
  let floor = degrees <= (query.lightEnds ?? LIGHT_ENDS) ? query.minStrength : Math.max(query.minStrength, STRENGTH_LADDER[0]);
  for (;;) {
    const paths = searchAtFloor(graph, query, floor);
    const next = nextFloor(
      paths.map((p) => ({ personIds: p.people, ties: [], score: p.score, hops: p.hops })),
      floor,
      query.minStrength,
      query.k,
    );
    if (next === null) return paths;
    floor = next;
  }
}

/** The k best paths whose ties are all at least `floor` (and minStrength). */
function searchAtFloor(graph: InMemoryGraph, query: WarmPathQuery, floor: number): InMemoryPath[] {
  const minStrength = Math.max(query.minStrength, floor);
  const toIndex = (ids: string[]): Set<number> =>
    new Set(ids.map((id) => graph.indexOf.get(id)).filter((i): i is number => i !== undefined));
  const sources = toIndex(query.from);
  const targets = toIndex(query.to);
  const avoid = toIndex(query.avoid ?? []);
  // Someone who is both a starting person and a target can be on no path: it would hold two of one kind.
  for (const s of sources) if (targets.has(s)) avoid.add(s);
  for (const a of avoid) {
    sources.delete(a);
    targets.delete(a);
  }
  const forwardHops = Math.ceil(query.maxHops / 2);
  const backwardHops = Math.floor(query.maxHops / 2);

  // Half paths, grouped by the person they end at. A forward half passes no other starting person and
  // no target (a target may only be where the whole path ends, i.e. a backward half of length 0).
  const expand = (starts: Set<number>, maxLen: number, forbidden: Set<number>, endsAllowed: Set<number>): Map<number, Half[]> => {
    const byEnd = new Map<number, Half[]>();
    const push = (h: Half): void => {
      const end = h.nodes[h.nodes.length - 1]!;
      let list = byEnd.get(end);
      if (!list) byEnd.set(end, (list = []));
      list.push(h);
    };
    const walk = (nodes: number[], score: number): void => {
      push({ nodes: [...nodes], score });
      const last = nodes[nodes.length - 1]!;
      if (nodes.length - 1 >= maxLen) return;
      if (nodes.length > 1 && endsAllowed.has(last)) return; // may end here, not pass through
      for (let e = graph.offsets[last]!; e < graph.offsets[last + 1]!; e++) {
        const next = graph.neighbours[e]!;
        const strength = graph.strengths[e]!;
        if (strength < minStrength || avoid.has(next) || forbidden.has(next) || nodes.includes(next)) continue;
        nodes.push(next);
        walk(nodes, score * strength);
        nodes.pop();
      }
    };
    for (const s of starts) walk([s], 1);
    return byEnd;
  };
  // Forward halves may not pass through another source; they may end at a target (then the path is complete).
  const forward = expand(sources, forwardHops, sources, targets);
  const backward = expand(targets, backwardHops, targets, sources);

  const found: Array<{ nodes: number[]; score: number }> = [];
  for (const [meet, fs] of forward) {
    const bs = backward.get(meet);
    if (!bs) continue;
    for (const f of fs) {
      const fLen = f.nodes.length - 1;
      for (const b of bs) {
        const bLen = b.nodes.length - 1;
        // Each path is counted once: split so the forward half is ceil(L/2) ties long.
        if (fLen - bLen !== 0 && fLen - bLen !== 1) continue;
        if (fLen + bLen === 0) continue; // a starting person who is also a target: no tie, no path
        const path = f.nodes.concat(b.nodes.slice(0, -1).reverse());
        if (new Set(path).size !== path.length) continue;
        // The meeting person is the only shared one; it must not be a second source or target.
        if (fLen > 0 && bLen > 0 && (sources.has(meet) || targets.has(meet))) continue;
        found.push({ nodes: path, score: f.score * b.score });
      }
    }
  }
  found.sort((x, y) => {
    if (y.score !== x.score) return y.score - x.score;
    if (x.nodes.length !== y.nodes.length) return x.nodes.length - y.nodes.length;
    for (let i = 0; i < x.nodes.length; i++) if (x.nodes[i] !== y.nodes[i]) return x.nodes[i]! - y.nodes[i]!;
    return 0;
  });
  return found
    .slice(0, query.k)
    .map((p) => ({ people: p.nodes.map((i) => graph.ids[i]!), score: p.score, hops: p.nodes.length - 1 }));
}

import { searchTieGraph } from "../../server/domains/network/tie-graph.js";
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

/**
 * The bench's in-memory baseline: the exact search the analytics worker answers warmPaths with
 * (server/domains/network/tie-graph.ts `searchTieGraph`, the rules of docs/network-analytics.md), without the database
 * reads around it. A person both among `from` and `to` is a starting person only, as in findWarmPaths.
 */
export function findWarmPathsInMemory(graph: InMemoryGraph, query: WarmPathQuery): InMemoryPath[] {
  return searchTieGraph(graph, {
    sources: query.from,
    targets: query.to,
    avoid: query.avoid ?? [],
    k: query.k,
    maxHops: query.maxHops,
    minStrength: query.minStrength,
    lightEnds: query.lightEnds,
  }).map((p) => ({ people: p.personIds, score: p.score, hops: p.hops }));
}

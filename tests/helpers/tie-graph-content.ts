import { tieKey, type TieGraph, type TieGraphQuery } from "../../server/domains/network/tie-graph.js";

/**
 * Each person's ties as sorted "neighbour strength key" lines: the graph's content, whatever its layout (slots, dead
 * ties, order of writing) — for comparing a graph followed in place with a fresh load.
 */
export function tieGraphContent(graph: TieGraph): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  graph.ids.forEach((id, i) => {
    const list: string[] = [];
    for (let e = graph.first[i]!; e < graph.first[i]! + graph.degree[i]!; e++) {
      const t = graph.ties[e]!;
      list.push(`${graph.ids[graph.neighbours[e]!]} ${graph.strengths[t]} ${tieKey(graph, t)}`);
    }
    if (list.length > 0) out[id] = list.sort();
  });
  return out;
}

/**
 * A random search over `ids` for comparing a followed graph's answers with a fresh load's: one source, two targets,
 * sometimes someone to avoid, k 1–6, 1–5 hops, no or a 0.4 floor. Draws from `rand` in that order.
 */
export function randomTieGraphQuery(rand: () => number, ids: readonly string[]): TieGraphQuery {
  const pickOf = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  return {
    sources: [pickOf(ids)],
    targets: [pickOf(ids), pickOf(ids)],
    avoid: rand() < 0.3 ? [pickOf(ids)] : [],
    k: 1 + Math.floor(rand() * 6),
    maxHops: 1 + Math.floor(rand() * 5),
    minStrength: pickOf([0, 0, 0.4]),
  };
}

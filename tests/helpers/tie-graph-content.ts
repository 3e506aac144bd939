import { tieKey, type TieGraph } from "../../server/domains/network/tie-graph.js";

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

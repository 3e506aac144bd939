import { describe, expect, it } from "vitest";
import {
  countNumberedThreads,
  countThreads,
  numberThreadGraph,
  type ThreadGraph,
} from "../../server/domains/network/count-threads.js";
import { HeldGraphWarmTies } from "../../server/domains/network/held-warm-ties.js";
import { loadNumberedNeighbourhood, loadWarmNeighbourhood } from "../../server/domains/network/load-warm-neighbourhood.js";
import { buildTieGraph, type LoadedTie } from "../../server/domains/network/tie-graph.js";
import type { Database } from "../../server/platform/neo4j/database.js";
import { seededRandom } from "../../seed/synthetic/Random.js";

/**
 * The embedding's figures are counted on the warm neighbourhood's person numbers (loadNumberedNeighbourhood +
 * countNumberedThreads, thread-count-memo.ts), the other callers on the ids (loadWarmNeighbourhood + countThreads).
 * Both must be the same graph and so the same count, witnesses and single points of failure included: the numbered
 * graph is compared whole with the ids' graph numbered (numberThreadGraph), on random tie graphs whose ids do not sort
 * as their numbers, with W and R overlapping, people outside the graph, and hop limits 1–5.
 */
const db = {} as Database;

function randomTies(random: () => number, people: number, ties: number): { ids: string[]; ties: LoadedTie[] } {
  // Ids whose order (UTF-16, as sort() compares) is not the order they were made in: "p10" < "p9", "Q" < "p".
  const ids = Array.from({ length: people }, (_, i) => (random() < 0.2 ? `Q${i}` : `p${Math.floor(random() * 1000)}-${i}`));
  const list: LoadedTie[] = [];
  for (let k = 0; k < ties; k++) {
    const a = ids[Math.floor(random() * people)]!;
    const b = random() < 0.03 ? a : ids[Math.floor(random() * people)]!;
    const s = random() < 0.05 ? null : [0.2, 0.5, 0.6, 0.9][Math.floor(random() * 4)]!;
    list.push([a, b, s, `5:x:${k}`]);
  }
  return { ids, ties: list };
}

describe("the warm neighbourhood by number", () => {
  it("is the ids' thread graph numbered in id order, and counts the same threads, on 200 random graphs", async () => {
    const random = seededRandom(23);
    let withOne = 0;
    let withMany = 0;
    for (let round = 0; round < 200; round++) {
      const people = 8 + Math.floor(random() * 40);
      const { ids, ties } = randomTies(random, people, Math.floor(people * (1 + random() * 3)));
      const graph = buildTieGraph(ids, ties);
      const threshold = [0.5, 0.6][round % 2]!;
      const pick = (p: number) => ids.filter(() => random() < p);
      const W = [...pick(0.1), ...(random() < 0.2 ? ["stranger-w"] : [])];
      const R = [...pick(0.2), ...(random() < 0.2 ? ["stranger-r"] : []), ...(random() < 0.3 && W[0] ? [W[0]] : [])];
      const maxHops = 1 + (round % 5);
      // Separate stores, so that neither search sees lists the other made.
      const byIds = await loadWarmNeighbourhood({ db, ties: new HeldGraphWarmTies(graph, threshold) }, W, R, maxHops);
      const byNumber = await loadNumberedNeighbourhood({ db, ties: new HeldGraphWarmTies(graph, threshold) }, W, R, maxHops);
      const context = `round ${round}`;
      expect(byNumber.graph, context).toEqual(numberThreadGraph(byIds));
      expect(byNumber.sources, context).toEqual([...byIds.sources]);
      expect(byNumber.targets, context).toEqual([...byIds.targets]);
      for (const method of ["dinic", "edmonds-karp"] as const) {
        const count = countNumberedThreads(byNumber.graph, method);
        expect(count, `${context} ${method}`).toEqual(countThreads(byIds, method));
        if (count.threads === 1) withOne += 1;
        if (count.threads > 1) withMany += 1;
      }
    }
    // The rounds reach the cases that matter: single threads (single points of failure) and several.
    expect(withOne).toBeGreaterThan(20);
    expect(withMany).toBeGreaterThan(20);
  });

  it("numbers people in id order and keeps each person's own list, sorted, once, without themselves", () => {
    const graph: ThreadGraph = {
      sources: new Set(["w"]),
      targets: new Set(["b10", "w"]),
      neighbours: new Map([
        ["w", ["b9", "b10", "b9", "w"]],
        ["b9", ["b10"]],
      ]),
    };
    const numbered = numberThreadGraph(graph);
    expect(numbered.ids).toEqual(["b10", "b9", "w"]);
    expect([...numbered.isSource]).toEqual([0, 0, 1]);
    expect([...numbered.isTarget]).toEqual([1, 0, 1]);
    // b10: no list of its own; b9 → b10; w → b10, b9 (its repeat and itself dropped).
    expect([...numbered.first]).toEqual([0, 0, 1, 3]);
    expect([...numbered.adjacency]).toEqual([0, 0, 1]);
  });
});

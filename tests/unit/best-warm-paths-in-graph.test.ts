import { describe, expect, it } from "vitest";
import { searchBestWarmPathsInGraph } from "../../server/domains/network/best-warm-paths-in-memory.js";
import { buildTieGraph, searchTieGraph, type LoadedTie } from "../../server/domains/network/tie-graph.js";
import { seededRandom } from "../../seed/synthetic/Random.js";

/**
 * The suggestions' best warm path per teacher over the tie graph (best-warm-paths-in-memory.ts) is, at the rule's own
 * level — the score rounded to 9 decimals and the hops — the first path warmPaths(to: teacher, from: the coordinators,
 * k: 1) returns (docs/network-analytics.md, "For other domains"): checked against the simple-path search of the tie
 * graph (searchTieGraph, itself checked against brute force in tie-graph.test.ts) on random graphs. The raw doubles
 * are compared with Neo4j's statements in tests/integration/suggestions-warm-paths-in-memory.int.test.ts.
 */

describe("searchBestWarmPathsInGraph", () => {
  it("gives the score (rounded) and hops of the best simple path, for every person of 30 random graphs", () => {
    const random = seededRandom(1910);
    let checked = 0;
    let withPath = 0;
    for (let g = 0; g < 30; g++) {
      const ids = Array.from({ length: 25 }, (_, i) => `p${i}`);
      const strengths = [0.2, 0.5, 0.6, 0.8, 0.9, 1];
      const ties: LoadedTie[] = [];
      for (let i = 0; i < 45; i++) {
        const a = ids[Math.floor(random() * ids.length)]!;
        const b = ids[Math.floor(random() * ids.length)]!;
        // Self-ties and parallel ties included: the graph leaves the first out, the search must not be misled by either.
        ties.push([a, b, strengths[Math.floor(random() * strengths.length)]!, `5:db:${g * 100 + i}`]);
      }
      const graph = buildTieGraph(ids, ties);
      const coordinators = ids.slice(0, 1 + (g % 3));
      for (const maxHops of [1, 2, 3, 4, 5]) {
        for (const minStrength of [0, 0.55]) {
          const found = searchBestWarmPathsInGraph(graph, `g${g}`, coordinators, ids, { maxHops, minStrength });
          for (const target of ids) {
            const expected = coordinators.includes(target)
              ? { key: 1e9, hops: 0 }
              : (() => {
                  const [first] = searchTieGraph(graph, {
                    sources: coordinators,
                    targets: [target],
                    avoid: [],
                    k: 1,
                    maxHops,
                    minStrength,
                  });
                  return first ? { key: Math.round(first.score * 1e9), hops: first.hops } : null;
                })();
            const got = found.get(target);
            expect(
              got ? { key: Math.round(got.score * 1e9), hops: got.hops } : null,
              `graph ${g}, ${target}, ${maxHops}`,
            ).toEqual(expected);
            checked++;
            if (got) withPath++;
          }
        }
      }
    }
    expect(checked).toBe(30 * 5 * 2 * 25);
    expect(withPath).toBeGreaterThan(2_000);
  });
});

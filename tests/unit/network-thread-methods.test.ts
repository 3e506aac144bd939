import { describe, expect, it } from "vitest";
import { countThreads, type ThreadGraph } from "../../server/domains/network/count-threads.js";
import { seededRandom } from "../integration/network-fixtures.js";

/**
 * The refresh counts threads with Dinic's method, the embedding query with Edmonds–Karp (whose
 * witness threads it shows). The numbers must be the same on every graph.
 */
function randomGraph(random: () => number): ThreadGraph & { ids: string[] } {
  const n = 4 + Math.floor(random() * 30);
  const ids = Array.from({ length: n }, (_, i) => `v${String(i).padStart(2, "0")}`);
  const neighbours = new Map<string, string[]>();
  const density = 0.05 + random() * 0.3;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (random() >= density) continue;
      neighbours.set(ids[i]!, [...(neighbours.get(ids[i]!) ?? []), ids[j]!]);
      neighbours.set(ids[j]!, [...(neighbours.get(ids[j]!) ?? []), ids[i]!]);
    }
  }
  const sources = new Set(ids.filter(() => random() < 0.15));
  if (sources.size === 0) sources.add(ids[0]!);
  const targets = new Set(ids.filter((id) => random() < (sources.has(id) ? 0.1 : 0.3)));
  return { ids, sources, targets, neighbours };
}

describe("countThreads: Dinic and Edmonds–Karp agree", () => {
  it("on 300 random graphs: the same number of threads and single points of failure; Dinic's witnesses are valid", () => {
    const random = seededRandom(11);
    let withThreads = 0;
    let withOne = 0;
    for (let round = 0; round < 300; round++) {
      const g = randomGraph(random);
      const ek = countThreads(g);
      const dinic = countThreads(g, "dinic");
      expect(dinic.threads, `round ${round}`).toBe(ek.threads);
      expect(dinic.singlePointsOfFailure.slice().sort(), `round ${round}`).toEqual(ek.singlePointsOfFailure.slice().sort());
      // Dinic's threads: as many as counted, each a route from W to a target over ties, disjoint outside W.
      expect(dinic.paths).toHaveLength(dinic.threads);
      const outside = dinic.paths.flatMap((p) => p.filter((x) => !g.sources.has(x)));
      expect(new Set(outside).size).toBe(outside.length);
      for (const path of dinic.paths) {
        expect(g.sources.has(path[0]!)).toBe(true);
        expect(g.targets.has(path.at(-1)!)).toBe(true);
        for (let i = 1; i < path.length; i++) expect(g.neighbours.get(path[i - 1]!) ?? []).toContain(path[i]);
      }
      if (ek.threads > 0) withThreads += 1;
      if (ek.threads === 1) withOne += 1;
    }
    // The sample exercises both the flow and the single-point search.
    expect(withThreads).toBeGreaterThan(100);
    expect(withOne).toBeGreaterThan(10);
  });
});

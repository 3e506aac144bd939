import { describe, expect, it } from "vitest";
import { countThreads, type ThreadGraph } from "../../server/domains/network/count-threads.js";
import { seededRandom } from "../integration/network-fixtures.js";

function graph(sources: string[], targets: string[], ties: Array<[string, string]>): ThreadGraph {
  const neighbours = new Map<string, string[]>();
  for (const [a, b] of ties) {
    neighbours.set(a, [...(neighbours.get(a) ?? []), b]);
    neighbours.set(b, [...(neighbours.get(b) ?? []), a]);
  }
  return { sources: new Set(sources), targets: new Set(targets), neighbours };
}

describe("countThreads", () => {
  it("counts one route as one thread whose people are each a single point of failure", () => {
    const result = countThreads(
      graph(
        ["w"],
        ["t"],
        [
          ["w", "a"],
          ["a", "b"],
          ["b", "t"],
        ],
      ),
    );
    expect(result.threads).toBe(1);
    expect(result.paths).toEqual([["w", "a", "b", "t"]]);
    expect(result.singlePointsOfFailure).toEqual(["a", "b", "t"]);
  });

  it("counts two and three disjoint routes, with no single point of failure", () => {
    const two = countThreads(
      graph(
        ["w1", "w2"],
        ["t1", "t2"],
        [
          ["w1", "a"],
          ["a", "t1"],
          ["w2", "b"],
          ["b", "t2"],
        ],
      ),
    );
    expect(two.threads).toBe(2);
    expect(two.singlePointsOfFailure).toEqual([]);
    const three = countThreads(
      graph(
        ["w"],
        ["t1", "t2", "t3"],
        [
          ["w", "a"],
          ["a", "t1"],
          ["w", "b"],
          ["b", "t2"],
          ["w", "c"],
          ["c", "d"],
          ["d", "t3"],
        ],
      ),
    );
    expect(three.threads).toBe(3);
    expect(three.paths).toEqual([
      ["w", "a", "t1"],
      ["w", "b", "t2"],
      ["w", "c", "d", "t3"],
    ]);
    expect(three.singlePointsOfFailure).toEqual([]);
  });

  it("counts two routes that share one person as one thread, that person the single point of failure", () => {
    const result = countThreads(
      graph(
        ["w1", "w2"],
        ["t1", "t2"],
        [
          ["w1", "a"],
          ["w2", "b"],
          ["a", "hub"],
          ["b", "hub"],
          ["hub", "c"],
          ["hub", "d"],
          ["c", "t1"],
          ["d", "t2"],
        ],
      ),
    );
    expect(result.threads).toBe(1);
    expect(result.singlePointsOfFailure).toEqual(["hub"]);
  });

  it("names the one teacher all routes end at", () => {
    const result = countThreads(
      graph(
        ["w"],
        ["t"],
        [
          ["w", "a"],
          ["w", "b"],
          ["a", "t"],
          ["b", "t"],
        ],
      ),
    );
    expect(result.threads).toBe(1);
    expect(result.singlePointsOfFailure).toEqual(["t"]);
  });

  it("lets threads share people of W, and counts a coordinator holding a role as a thread of its own", () => {
    const shared = countThreads(
      graph(
        ["w"],
        ["t1", "t2"],
        [
          ["w", "t1"],
          ["w", "t2"],
        ],
      ),
    );
    expect(shared.threads).toBe(2);
    const own = countThreads(
      graph(
        ["w", "t0"],
        ["t0", "t1"],
        [
          ["w", "a"],
          ["a", "t1"],
        ],
      ),
    );
    expect(own.threads).toBe(2);
    expect(own.paths).toEqual([["t0"], ["w", "a", "t1"]]);
  });

  it("has no threads when W cannot reach a target", () => {
    const result = countThreads(
      graph(
        ["w"],
        ["t"],
        [
          ["w", "a"],
          ["b", "t"],
        ],
      ),
    );
    expect(result).toEqual({ threads: 0, paths: [], singlePointsOfFailure: [] });
  });

  it("finds the maximum where the first route found would block it (flow is rerouted)", () => {
    // The short route w-a-b-t1 takes b, which is w-c-b-t2's only way; the maximum uses a-d-t1.
    const result = countThreads(
      graph(
        ["w"],
        ["t1", "t2"],
        [
          ["w", "a"],
          ["a", "b"],
          ["b", "t1"],
          ["w", "c"],
          ["c", "b"],
          ["b", "t2"],
          ["a", "d"],
          ["d", "t1"],
        ],
      ),
    );
    expect(result.threads).toBe(2);
    const interiors = result.paths.flatMap((p) => p.slice(1));
    expect(new Set(interiors).size).toBe(interiors.length);
  });

  it("equals a brute-force maximum of disjoint routes on 300 random small graphs", () => {
    const random = seededRandom(7);
    for (let round = 0; round < 300; round++) {
      const n = 5 + Math.floor(random() * 5);
      const ids = Array.from({ length: n }, (_, i) => `v${i}`);
      const ties: Array<[string, string]> = [];
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (random() < 0.35) ties.push([ids[i]!, ids[j]!]);
      const sources = ids.filter(() => random() < 0.2);
      const targets = ids.filter((id) => !sources.includes(id) && random() < 0.3);
      if (sources.length === 0) sources.push(ids[0]!);
      const g = graph(sources, targets, ties);
      const result = countThreads(g);
      expect(result.threads, `round ${round}`).toBe(bruteForceThreads(g));
      // The witness threads are valid and disjoint outside W.
      const outside = result.paths.flatMap((p) => p.filter((x) => !g.sources.has(x)));
      expect(new Set(outside).size).toBe(outside.length);
      expect(result.paths).toHaveLength(result.threads);
      const expectedSpof = result.threads === 1 ? ids.filter((v) => !g.sources.has(v) && !reaches(g, v)).sort() : [];
      expect(result.singlePointsOfFailure.slice().sort(), `round ${round}`).toEqual(expectedSpof);
      if (result.threads >= 2) expect(ids.every((v) => g.sources.has(v) || reaches(g, v))).toBe(true);
    }
  });
});

/** Every simple route from W to a target (interior outside W and targets), then the largest set sharing no one outside W. */
function bruteForceThreads(g: ThreadGraph): number {
  const routes: string[][] = [];
  const walk = (path: string[]) => {
    const last = path.at(-1)!;
    if (g.targets.has(last)) {
      routes.push(path.filter((p) => !g.sources.has(p)));
      // A starting person who holds a role is a thread alone, and still starts others.
      if (path.length > 1) return;
    }
    for (const next of g.neighbours.get(last) ?? []) {
      if (path.includes(next) || g.sources.has(next)) continue;
      walk([...path, next]);
    }
  };
  for (const s of g.sources) walk([s]);
  let best = 0;
  const choose = (from: number, used: Set<string>, count: number) => {
    best = Math.max(best, count);
    for (let i = from; i < routes.length; i++) {
      const route = routes[i]!;
      if (route.some((p) => used.has(p))) continue;
      choose(i + 1, new Set([...used, ...route]), count + 1);
    }
  };
  choose(0, new Set(), 0);
  return best;
}

function reaches(g: ThreadGraph, removed: string): boolean {
  const seen = new Set([...g.sources].filter((s) => s !== removed));
  const queue = [...seen];
  while (queue.length > 0) {
    const p = queue.shift()!;
    if (g.targets.has(p)) return true;
    for (const q of g.neighbours.get(p) ?? []) {
      if (q === removed || seen.has(q)) continue;
      seen.add(q);
      if (!g.targets.has(q)) queue.push(q);
      else return true;
    }
  }
  return false;
}

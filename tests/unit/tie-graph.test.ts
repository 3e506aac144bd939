import { describe, expect, it } from "vitest";
import { buildInMemoryGraph } from "../../bench/baseline/in-memory-graph.js";
import { findWarmPathsInMemory, type WarmPathQuery } from "../../bench/baseline/find-warm-paths-in-memory.js";
import {
  applyTieChanges,
  buildTieGraph,
  compactTieGraph,
  searchTieGraph,
  tieCount,
  TieGraphBuilder,
  tieKey,
  type LoadedTie,
  type PersonTies,
  type TieGraph,
} from "../../server/domains/network/tie-graph.js";
import { changedSince } from "../../server/domains/network/TieGraphStore.js";
import { seededRandom } from "../../seed/synthetic/Random.js";
import { randomTieGraphQuery, tieGraphContent as content } from "../helpers/tie-graph-content.js";

/**
 * The warm-path search over the tie graph (server/domains/network/tie-graph.ts: the analytics worker's search and the
 * bench's baseline) must answer exactly what the rules say: checked against brute force. Its equality with the
 * database's search is tests/integration/network-warm-paths-in-memory.int.test.ts.
 */

function bruteForce(ids: string[], ties: Array<[string, string, number]>, q: WarmPathQuery) {
  const adj = new Map<string, Array<[string, number]>>(ids.map((id) => [id, []]));
  for (const [a, b, s] of ties) {
    adj.get(a)!.push([b, s]);
    adj.get(b)!.push([a, s]);
  }
  // As findWarmPaths: avoided people drop out of both ends; someone among both is a starting person only.
  const from = new Set(q.from.filter((x) => !(q.avoid ?? []).includes(x)));
  const to = new Set(q.to.filter((x) => !(q.avoid ?? []).includes(x) && !q.from.includes(x)));
  const out: Array<{ people: string[]; score: number; hops: number }> = [];
  const walk = (path: string[], score: number): void => {
    const last = path[path.length - 1]!;
    if (path.length > 1 && to.has(last)) {
      // Exactly one starting person (the first) and one target (the last), even when the sets overlap.
      if (path.filter((p) => from.has(p)).length === 1 && path.filter((p) => to.has(p)).length === 1) {
        out.push({ people: [...path], score, hops: path.length - 1 });
      }
      return;
    }
    if (path.length > 1 && from.has(last)) return;
    if (path.length - 1 >= q.maxHops) return;
    for (const [next, s] of adj.get(last)!) {
      if (s < q.minStrength || path.includes(next) || (q.avoid ?? []).includes(next)) continue;
      walk([...path, next], score * s);
    }
  };
  for (const s of from) walk([s], 1);
  // Scores compared rounded to 9 decimals (products of the same strengths in another order tie), then hops, then ids.
  const key = (score: number) => Math.round(score * 1e9);
  out.sort(
    (x, y) => key(y.score) - key(x.score) || x.hops - y.hops || (x.people.join("\u0000") < y.people.join("\u0000") ? -1 : 1),
  );
  return out.slice(0, q.k);
}

describe("the warm-path search over the tie graph", () => {
  it("ranks by product of strengths, then hops, then ids, on a hand-built graph", () => {
    const ids = ["a", "b", "c", "d", "t"];
    const ties: Array<[string, string, number]> = [
      ["a", "t", 0.4], // direct, weak: 0.4
      ["a", "b", 0.9],
      ["b", "t", 0.9], // 0.81
      ["a", "c", 0.9],
      ["c", "d", 1],
      ["d", "t", 0.9], // 0.81 too, but one hop more
    ];
    const graph = buildInMemoryGraph(ids, ties);
    const paths = findWarmPathsInMemory(graph, { from: ["a"], to: ["t"], k: 3, maxHops: 4, minStrength: 0 });
    expect(paths.map((p) => p.people.join(">"))).toEqual(["a>b>t", "a>c>d>t", "a>t"]);
    expect(
      findWarmPathsInMemory(graph, { from: ["a"], to: ["t"], k: 3, maxHops: 4, minStrength: 0.5 }).map((p) => p.hops),
    ).toEqual([2, 3]);
    expect(
      findWarmPathsInMemory(graph, { from: ["a"], to: ["t"], k: 3, maxHops: 4, minStrength: 0, avoid: ["b", "c"] }).map((p) =>
        p.people.join(">"),
      ),
    ).toEqual(["a>t"]);
  });

  it("equals brute-force enumeration on 300 random queries over random graphs", () => {
    const rand = seededRandom(7);
    let compared = 0;
    for (let g = 0; g < 30; g++) {
      const n = 8 + Math.floor(rand() * 10);
      const ids = Array.from({ length: n }, (_, i) => `p${String(i).padStart(2, "0")}`);
      const ties: Array<[string, string, number]> = [];
      for (let i = 0; i < n; i++)
        for (let j = i + 1; j < n; j++)
          if (rand() < 0.3) ties.push([ids[i]!, ids[j]!, [0.25, 0.5, 0.5, 0.8, 1][Math.floor(rand() * 5)]!]);
      const graph = buildInMemoryGraph(ids, ties);
      for (let q = 0; q < 10; q++) {
        const pick = (): string => ids[Math.floor(rand() * n)]!;
        const query: WarmPathQuery = {
          from: [pick(), pick()],
          to: [pick(), pick()],
          k: 1 + Math.floor(rand() * 4),
          maxHops: 1 + Math.floor(rand() * 5),
          minStrength: rand() < 0.5 ? 0 : 0.5,
          avoid: rand() < 0.3 ? [pick()] : [],
        };
        const expected = bruteForce(ids, ties, query);
        const actual = findWarmPathsInMemory(graph, query);
        expect(
          actual.map((p) => p.people),
          JSON.stringify(query),
        ).toEqual(expected.map((p) => p.people));
        // The scores exactly as the statement multiplies them: from the first tie to the last.
        expect(
          actual.map((p) => p.score),
          JSON.stringify(query),
        ).toEqual(expected.map((p) => p.score));
        // With the strength ladder forced, as around hubs: the same answer.
        const laddered = findWarmPathsInMemory(graph, { ...query, lightEnds: 0 });
        expect(
          laddered.map((p) => p.people),
          `${JSON.stringify(query)} (ladder)`,
        ).toEqual(expected.map((p) => p.people));
        compared++;
      }
    }
    expect(compared).toBe(300);
  });

  it("breaks a tie of rounded scores by the ids, not by the raw product", () => {
    // 0.3 · 0.2 · 0.1 = 0.006 and 0.1 · 0.2 · 0.3 = 0.006000000000000001: equal to 9 decimals, so a1 < x1 decides.
    const graph = buildTieGraph(
      ["c", "a1", "a2", "x1", "x2", "t"],
      [
        ["c", "a1", 0.3],
        ["a1", "a2", 0.2],
        ["a2", "t", 0.1],
        ["c", "x1", 0.1],
        ["x1", "x2", 0.2],
        ["x2", "t", 0.3],
      ],
    );
    const paths = searchTieGraph(graph, { sources: ["c"], targets: ["t"], avoid: [], k: 2, maxHops: 4, minStrength: 0 });
    expect(paths.map((p) => p.personIds.join(">"))).toEqual(["c>a1>a2>t", "c>x1>x2>t"]);
    expect(paths.map((p) => p.score)).toEqual([0.3 * 0.2 * 0.1, 0.1 * 0.2 * 0.3]);
  });

  it("keeps two ties between one pair as two paths, and leaves out ties without a strength and ties to oneself", () => {
    const graph = buildTieGraph(
      ["c", "m", "t"],
      [
        ["c", "m", 1, "5:db:11"],
        ["m", "t", 0.4, "5:db:12"],
        ["t", "m", 0.9, "5:db:13"],
        ["c", "t", null, "5:db:14"],
        ["m", "m", 1, "5:db:15"],
      ],
    );
    const paths = searchTieGraph(graph, { sources: ["c"], targets: ["t"], avoid: [], k: 5, maxHops: 3, minStrength: 0 });
    expect(paths.map((p) => [p.personIds.join(">"), p.score, p.tieIndices.map((t) => tieKey(graph, t))])).toEqual([
      ["c>m>t", 0.9, ["5:db:11", "5:db:13"]],
      ["c>m>t", 0.4, ["5:db:11", "5:db:12"]],
    ]);
  });

  it("a starting person who is also a target stays a starting person", () => {
    const graph = buildInMemoryGraph(
      ["a", "b", "t"],
      [
        ["a", "b", 0.5],
        ["b", "t", 0.5],
      ],
    );
    expect(findWarmPathsInMemory(graph, { from: ["a", "b"], to: ["b", "t"], k: 3, maxHops: 3, minStrength: 0 })).toEqual([
      { people: ["b", "t"], score: 0.5, hops: 1 },
    ]);
  });

  it("builds the same graph tie by tie (TieGraphBuilder, the worker's load) as from a list, elementIds packed or not", () => {
    const rand = seededRandom(11);
    for (let g = 0; g < 20; g++) {
      const n = 10 + Math.floor(rand() * 10);
      const ids = Array.from({ length: n }, (_, i) => `q${String(i).padStart(2, "0")}`);
      const ties: Array<[string, string, number | null, string]> = [];
      for (let t = 0; t < n * 3; t++) {
        const a = ids[Math.floor(rand() * n)]!;
        const b = ids[Math.floor(rand() * n)]!;
        ties.push([a, b, rand() < 0.1 ? null : [0.3, 0.5, 0.9, 1][Math.floor(rand() * 4)]!, `5:db:${1000 + t}`]);
      }
      // Every fifth graph has one elementId of another shape, midway: the keys are then kept as strings.
      if (g % 5 === 0) ties.splice(n, 0, [ids[0]!, ids[1]!, 0.5, "odd-key"]);
      const listed = buildTieGraph(ids, ties);
      const builder = new TieGraphBuilder();
      // People in another order than the list's (as pages arrive), some only met as the far end of a tie.
      for (const id of [...ids].reverse().slice(0, n - 3)) builder.person(id);
      for (const [a, b, s, key] of ties) builder.tie(a, b, s, key);
      const built = builder.build();
      expect(built.tieKeys.prefix === null).toBe(g % 5 === 0);
      for (let q = 0; q < 10; q++) {
        const query = {
          sources: [ids[Math.floor(rand() * n)]!],
          targets: [ids[Math.floor(rand() * n)]!, ids[Math.floor(rand() * n)]!],
          avoid: [],
          k: 5,
          maxHops: 1 + Math.floor(rand() * 5),
          minStrength: 0,
        };
        const view = (graph: typeof listed) =>
          searchTieGraph(graph, query).map((p) => [p.personIds, p.score, p.tieIndices.map((t) => tieKey(graph, t))]);
        expect(view(built)).toEqual(view(listed));
      }
    }
  });

  it("keeps the builder's strengths and keys as the graph's columns when sized from the count, with the same contents", () => {
    const rand = seededRandom(7);
    const ids = Array.from({ length: 40 }, (_, i) => `k${String(i).padStart(2, "0")}`);
    const ties: Array<[string, string, number]> = Array.from({ length: 3000 }, () => [
      ids[Math.floor(rand() * 40)]!,
      ids[Math.floor(rand() * 40)]!,
      Math.round(rand() * 1000) / 1000 + 0.001,
    ]);
    const build = (expected: number): TieGraph => {
      const builder = new TieGraphBuilder(expected);
      for (const id of ids) builder.person(id);
      ties.forEach(([a, b, s], t) => builder.tie(a, b, s, `5:db:${10_000 + t}`));
      return builder.build();
    };
    // Sized from the count (the worker's load: no copy at build) against grown from 16 (copied as it grew).
    const sized = build(ties.length);
    const grownGraph = build(1);
    const count = sized.tieKeys.count;
    expect(count).toBe(grownGraph.tieKeys.count);
    expect(sized.strengths.length).toBeGreaterThan(count + 1000);
    expect([...sized.strengths.subarray(0, count)]).toEqual([...grownGraph.strengths.subarray(0, count)]);
    expect(Array.from({ length: count }, (_, t) => tieKey(sized, t))).toEqual(
      Array.from({ length: count }, (_, t) => tieKey(grownGraph, t)),
    );
    expect([...sized.neighbours.subarray(0, sized.edgesUsed)]).toEqual([
      ...grownGraph.neighbours.subarray(0, grownGraph.edgesUsed),
    ]);
    expect([...sized.ties.subarray(0, sized.edgesUsed)]).toEqual([...grownGraph.ties.subarray(0, grownGraph.edgesUsed)]);
    // The headroom is there for the first tie written after the load: a new tie lands in the kept columns.
    applyTieChanges(sized, ["k00"], [{ id: "k00", ties: [["k01", 0.75, "5:db:99999"]] }]);
    expect(tieKey(sized, count)).toBe("5:db:99999");
    expect(sized.strengths[count]).toBe(0.75);
  });

  it("keeps elementId numbers in 4 bytes while they fit, and exactly in 8 once one passes 2^32 (load, tie write, compaction)", () => {
    const ids = ["a", "b", "c", "d"];
    const small = buildTieGraph(ids, [
      ["a", "b", 0.5, "5:db:7"],
      ["b", "c", 0.6, `5:db:${2 ** 32 - 1}`],
    ]);
    expect(small.tieKeys.prefix === null ? null : small.tieKeys.numbers.BYTES_PER_ELEMENT).toBe(4);
    expect([tieKey(small, 0), tieKey(small, 1)]).toEqual(["5:db:7", `5:db:${2 ** 32 - 1}`]);
    // A load with a number past 2^32 midway: the numbers before it are kept, all exact.
    const big = buildTieGraph(ids, [
      ["a", "b", 0.5, "5:db:7"],
      ["b", "c", 0.6, "5:db:123456789012345"],
      ["c", "d", 0.7, "5:db:9"],
    ]);
    expect(big.tieKeys.prefix === null ? null : big.tieKeys.numbers.BYTES_PER_ELEMENT).toBe(8);
    expect([0, 1, 2].map((t) => tieKey(big, t))).toEqual(["5:db:7", "5:db:123456789012345", "5:db:9"]);
    // A tie written after the load with such a number, then the graph compacted: every key as the database has it.
    applyTieChanges(small, ["d"], [{ id: "d", ties: [["a", 0.9, "5:db:4294967296"]] }]);
    expect(small.tieKeys.prefix === null ? null : small.tieKeys.numbers.BYTES_PER_ELEMENT).toBe(8);
    compactTieGraph(small);
    const keys = Array.from({ length: small.tieKeys.count }, (_, t) => tieKey(small, t)).sort();
    expect(keys).toEqual(["5:db:4294967295", "5:db:4294967296", "5:db:7"]);
    const found = searchTieGraph(small, { sources: ["d"], targets: ["b"], avoid: [], k: 1, maxHops: 2, minStrength: 0 });
    expect(found[0]!.tieIndices.map((t) => tieKey(small, t))).toEqual(["5:db:4294967296", "5:db:7"]);
  });

  it("follows tie changes in place (applyTieChanges) to exactly the graph a fresh load gives", () => {
    const rand = seededRandom(19_03);
    const pickOf = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
    let followed = 0;
    for (let g = 0; g < 12; g++) {
      const ids = Array.from({ length: 30 }, (_, i) => `p${String(i).padStart(2, "0")}`);
      // The database: ties by elementId; at most one per pair here (parallel ties of equal strength are the one order
      // the rule leaves open). Every third graph's keys are not of Neo4j's shape (kept as strings).
      const db = new Map<string, { a: string; b: string; strength: number | null }>();
      let nextKey = 100;
      const key = () => (g % 3 === 2 ? `k-${nextKey++}` : `5:db:${nextKey++}`);
      const pair = (a: string, b: string) => [...db.values()].some((t) => (t.a === a && t.b === b) || (t.a === b && t.b === a));
      const strengths = [0.2, 0.4, 0.5, 0.7, 0.9, 1, null];
      while (db.size < 60) {
        const a = pickOf(ids);
        const b = pickOf(ids);
        if (a !== b && !pair(a, b)) db.set(key(), { a, b, strength: pickOf(strengths) });
      }
      const loaded = (): LoadedTie[] => [...db.entries()].map(([k, t]) => [t.a, t.b, t.strength, k]);
      const graph = buildTieGraph(
        ids.slice(0, 25),
        loaded().filter(([a, b]) => ids.slice(0, 25).includes(a) && ids.slice(0, 25).includes(b)),
      );
      // Ties of people the first load did not have (p25..p29) come in later, as writes.
      const current = (id: string): PersonTies | undefined =>
        ids.includes(id)
          ? {
              id,
              ties: [...db.entries()]
                .filter(([, t]) => t.a === id || t.b === id)
                .map(([k, t]) => [t.a === id ? t.b : t.a, t.strength, k] as [string, number | null, string]),
            }
          : undefined;
      const named = new Set<string>(ids.slice(25));
      for (let round = 0; round < 25; round++) {
        // One to four writes between two follows (several versions at once), each naming one end of every tie it changes.
        const writes = 1 + Math.floor(rand() * 4);
        for (let w = 0; w < writes; w++) {
          const kind = pickOf(["strength", "add", "remove", "erase", "add"]);
          const ties = [...db.entries()];
          if (kind === "strength" && ties.length > 0) {
            const [k, t] = pickOf(ties);
            db.set(k, { ...t, strength: pickOf(strengths) });
            named.add(pickOf([t.a, t.b]));
          }
          if (kind === "add") {
            const a = pickOf(ids);
            const b = pickOf(ids);
            if (a === b || pair(a, b)) continue;
            db.set(key(), { a, b, strength: pickOf(strengths) });
            named.add(pickOf([a, b]));
          }
          if (kind === "remove" && ties.length > 0) {
            const [k, t] = pickOf(ties);
            db.delete(k);
            named.add(pickOf([t.a, t.b]));
          }
          if (kind === "erase") {
            // As ERASE_PERSON: every tie of one person goes, and the people at the other ends are named, not them.
            const gone = pickOf(ids);
            for (const [k, t] of ties) {
              if (t.a !== gone && t.b !== gone) continue;
              db.delete(k);
              named.add(t.a === gone ? t.b : t.a);
            }
          }
        }
        const people = [...named];
        named.clear();
        applyTieChanges(
          graph,
          people,
          people.map(current).filter((p): p is PersonTies => p !== undefined),
        );
        if (round % 7 === 6) compactTieGraph(graph);
        followed++;
        const fresh = buildTieGraph(ids, loaded());
        expect(content(graph), `graph ${g}, round ${round}`).toEqual(content(fresh));
        expect(tieCount(graph)).toBe(tieCount(fresh));
        for (let q = 0; q < 6; q++) {
          const query = randomTieGraphQuery(rand, ids);
          const view = (x: TieGraph) =>
            searchTieGraph(x, query).map((p) => [p.personIds, p.score, p.tieIndices.map((t) => tieKey(x, t))]);
          expect(view(graph)).toEqual(view(fresh));
        }
      }
    }
    expect(followed).toBe(300);
  });

  it("reads the tie-change log: the people and pairs named since a version, or null when it cannot say", () => {
    // As TIE_VERSION_BUMP writes it: "<version> <elementIds>", "<version>" naming no one, "<version> *" unknown.
    const log = ["v1 *", "v2 4:d:1 4:d:2", "v3 4:d:2 4:d:3", "v4", "v5 *"];
    const people = (...ids: string[]) => ({ people: ids, pairs: [] });
    expect(changedSince(log.slice(0, 4), "v1", 10)).toEqual(people("4:d:1", "4:d:2", "4:d:3"));
    expect(changedSince(log.slice(0, 4), "v2", 10)).toEqual(people("4:d:2", "4:d:3"));
    expect(changedSince(log.slice(0, 4), "v4", 10)).toEqual(people());
    // A change since that says "*", more people than allowed, a version the log no longer holds, no log: null.
    expect(changedSince(log, "v3", 10)).toBeNull();
    expect(changedSince(log.slice(0, 4), "v1", 2)).toBeNull();
    expect(changedSince(log, "v0", 10)).toBeNull();
    expect(changedSince(null, "v1", 10)).toBeNull();
    // Pairs ("<a>|<b>", pairsWithIds): each once whatever its order; left out when an end's ties are all read again.
    const pairs = ["w1", "w2 4:d:7|4:d:1", "w3 4:d:1|4:d:7 4:d:2|4:d:3", "w4 4:d:3", "w5 4:d:8|4:d:9"];
    expect(changedSince(pairs.slice(0, 3), "w1", 10)).toEqual({
      people: [],
      pairs: [
        ["4:d:1", "4:d:7"],
        ["4:d:2", "4:d:3"],
      ],
    });
    expect(changedSince(pairs, "w1", 10)).toEqual({
      people: ["4:d:3"],
      pairs: [
        ["4:d:1", "4:d:7"],
        ["4:d:8", "4:d:9"],
      ],
    });
    // Not followed by pairs (TIE_FOLLOW_PAIRS=off): a pair names its two people, as before.
    expect(changedSince(pairs, "w3", 10, false)).toEqual(people("4:d:3", "4:d:8", "4:d:9"));
    // People and pairs count together against the most; a malformed pair cannot say.
    expect(changedSince(pairs, "w1", 3)).toBeNull();
    expect(changedSince(["x1", "x2 4:d:1|"], "x1", 10)).toBeNull();
    expect(changedSince(["x1", "x2 4:d:1|4:d:2|4:d:3"], "x1", 10)).toBeNull();
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answeredBestInMemory, bestWarmPathsInMemory } from "../../server/domains/network/best-warm-paths-in-memory.js";
import { searchBestWarmPaths, type BestWarmPathsInput } from "../../server/domains/network/best-warm-paths.js";
import { forgetTieGraphs, tieGraphAt, tieGraphStats } from "../../server/domains/network/TieGraphStore.js";
import type { Database } from "../../server/platform/neo4j/database.js";
import { bumpingTieVersion, peopleWithIds } from "../../server/platform/neo4j/tie-version.js";
import { connectTestDatabase, resetGraph } from "../helpers/neo4j.js";
import { seededRandom, writeGraph, type GraphSpec, type TieSpec } from "./network-fixtures.js";

/**
 * The suggestions' warm paths over the tie graph the analytics worker holds (issue #19: network/best-warm-paths-in-memory.ts)
 * answer exactly what the database's two statements answer (searchBestWarmPaths: the coordinators' half, then each
 * teacher's) — the same map, scores equal as doubles — on a hand-built graph with known answers (rounding ties, fewer
 * hops first, parallel ties, a tie without a strength, a self-tie, a coordinator as target, people with no path or no
 * tie) and on generated graphs with ties written between the queries (the graph follows them; nothing is read again in
 * full). Whole graph: the tie graph holds every tie of the database, and a tie written by another file would move the
 * version under the comparison.
 */
let db: Database;
const options = { maxTies: 1_000_000 };

beforeAll(async () => {
  db = await connectTestDatabase();
});

afterAll(async () => {
  await db?.close();
});

/** The tie graph loaded (or followed) to the current version, so that the next request answers in memory. */
async function current(): Promise<void> {
  const version = await db.tieVersion();
  expect(version).toMatch(/^ties:/);
  expect(await tieGraphAt(db, version!, options, true)).not.toBeNull();
}

/** Both ways on the same input: the same map, and the in-memory one answered in memory. */
async function same(input: BestWarmPathsInput): Promise<Map<string, { score: number; hops: number }>> {
  const before = answeredBestInMemory.memory;
  const memory = await bestWarmPathsInMemory(db, input, options);
  expect(answeredBestInMemory.memory, `answered in memory: ${JSON.stringify(input)}`).toBe(before + 1);
  const database = await db.readEach((tx) => searchBestWarmPaths(tx, input));
  expect(new Map([...memory].sort()), JSON.stringify(input)).toEqual(new Map([...database].sort()));
  return memory;
}

describe("on a hand-built graph with known answers", () => {
  const p = (id: string) => `bw-${id}`;
  const spec: GraphSpec = {
    people: ["c1", "c2", "a1", "a2", "x1", "x2", "m", "t", "u", "d", "far", "far2", "alone"].map((id) => ({
      id: p(id),
      name: `Persoon ${id}`,
    })),
    workspace: { id: p("ws"), name: "Werkplaats", coordinators: [p("c1"), p("c2")] },
    ties: [
      // c1 → t over a1, a2: 0.6 · 0.7 · 0.9 and over x1, x2: 0.9 · 0.7 · 0.6 — products that round alike (the larger
      // raw one is kept both ways).
      { a: p("c1"), b: p("a1"), strength: 0.6 },
      { a: p("a1"), b: p("a2"), strength: 0.7 },
      { a: p("a2"), b: p("t"), strength: 0.9 },
      { a: p("c1"), b: p("x1"), strength: 0.9 },
      { a: p("x1"), b: p("x2"), strength: 0.7 },
      { a: p("x2"), b: p("t"), strength: 0.6 },
      // c2 → u: directly at 0.5, and over m at 1 · 0.5 = 0.5 as well: fewer hops first.
      { a: p("c2"), b: p("u"), strength: 0.5 },
      { a: p("c2"), b: p("m"), strength: 1 },
      { a: p("m"), b: p("u"), strength: 0.5 },
      // Two ties between m and d (one each way), of different strengths.
      { a: p("m"), b: p("d"), strength: 0.9 },
      { a: p("d"), b: p("m"), strength: 0.4 },
      // Four ties from c1 (far), and five: beyond maxHops 4 (far2).
      { a: p("t"), b: p("far"), strength: 0.8 },
      { a: p("far"), b: p("far2"), strength: 0.8 },
    ],
  };

  beforeAll(async () => {
    await resetGraph(db);
    forgetTieGraphs(db);
    await writeGraph(db, spec);
    await db.write(
      bumpingTieVersion(
        "MATCH (a:Person {id: $c1}), (b:Person {id: $t}) CREATE (a)-[:KNOWS {channel: 'OTHER'}]->(b)",
        peopleWithIds("[$c1]"),
      ),
      { c1: p("c1"), t: p("t") },
    );
    await db.write(bumpingTieVersion("MATCH (a:Person {id: $m}) CREATE (a)-[:KNOWS {strength: 1}]->(a)", peopleWithIds("[$m]")), {
      m: p("m"),
    });
    await current();
  }, 60_000);

  const everyone = spec.people!.map((x) => x.id).concat(p("nobody"));

  it("gives the known best path per person, as the database's statements do", async () => {
    const found = await same({ workspaces: [p("ws")], targets: everyone, minStrength: 0 });
    expect(found.get(p("c2"))).toEqual({ score: 1, hops: 0 });
    expect(found.get(p("u"))).toEqual({ score: 0.5, hops: 1 });
    expect(found.get(p("d"))).toEqual({ score: 0.9, hops: 2 });
    expect(found.get(p("t"))?.hops).toBe(3);
    expect(Math.round(found.get(p("t"))!.score * 1e9)).toBe(378_000_000);
    expect(found.get(p("t"))!.score).toBe(Math.max(0.6 * 0.7 * 0.9, 0.9 * 0.7 * 0.6, 0.6 * (0.9 * 0.7), 0.9 * (0.6 * 0.7)));
    expect(found.get(p("far"))?.hops).toBe(4);
    expect(found.has(p("far2"))).toBe(false);
    expect(found.has(p("alone"))).toBe(false);
    expect(found.has(p("nobody"))).toBe(false);
  });

  it("agrees for every hop limit and minimum strength, the workspace's threshold included", async () => {
    // Not maxHops 1: the database's teachers' half is then `-{0,0}`, which Neo4j refuses (42N31) — bestWarmPaths has
    // never been asked for it (the suggestions ask 4); the walk in memory answers it.
    for (const maxHops of [2, 3, 4, 5, 6]) {
      for (const minStrength of [0, 0.5, 0.65, 0.95, null]) {
        await same({ workspaces: [p("ws")], targets: everyone, minStrength, maxHops });
      }
    }
    // Every workspace's coordinators (none named), and a workspace with none.
    await same({ workspaces: [], targets: everyone, minStrength: 0 });
    const none = await same({ workspaces: [p("no-such-ws")], targets: everyone, minStrength: 0 });
    expect(none.size).toBe(0);
  });
});

describe("on generated graphs, ties written between queries", () => {
  it("equals the database's answer for every person, 4 graphs × 25 queries", { timeout: 300_000 }, async () => {
    const random = seededRandom(19_10);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    let compared = 0;
    let found = 0;
    const follows = tieGraphStats.follows;
    for (let g = 0; g < 4; g++) {
      await resetGraph(db);
      forgetTieGraphs(db);
      const people = Array.from({ length: 80 }, (_, i) => `bw${g}p${String(i).padStart(2, "0")}`);
      const coordinators = people.slice(0, 3);
      // Few distinct strengths, so products that round alike (and the tie-breaks) are common; hubs among coordinators.
      const strengths = [0.2, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
      const ties: TieSpec[] = [];
      const seen = new Set<string>();
      while (ties.length < 300) {
        const a = random() < 0.3 ? pick(coordinators) : pick(people);
        const b = pick(people);
        if (a === b || seen.has(`${a}|${b}`)) continue;
        seen.add(`${a}|${b}`);
        ties.push({ a, b, strength: pick(strengths) });
      }
      await writeGraph(db, {
        people: people.map((id) => ({ id, name: `Persoon ${id}` })),
        workspace: { id: `bw${g}ws`, name: "Werkplaats", coordinators },
        ties,
      });
      await current();
      const loads = tieGraphStats.loads;
      for (let q = 0; q < 25; q++) {
        if (q % 3 === 2) {
          // A tie write as an interaction makes it (one pair's strength), named by one end.
          await db.write(
            bumpingTieVersion("MATCH (a:Person {id: $a})-[k:KNOWS]-() WITH k LIMIT 1 SET k.strength = $s", peopleWithIds("[$a]")),
            { a: pick(random() < 0.5 ? coordinators : people), s: pick(strengths) },
          );
          await current();
        }
        const answer = await same({
          workspaces: [`bw${g}ws`],
          targets: people,
          minStrength: pick([0, 0.3, 0.5, 0.7, null]),
          maxHops: pick([2, 3, 4, 4, 4, 5]),
        });
        found += answer.size;
        compared++;
      }
      // Every tie read once per graph: each write since was followed, not read again in full.
      expect(tieGraphStats.loads - loads, `graph ${g}: loads of every tie`).toBe(0);
    }
    expect(compared).toBe(100);
    expect(found).toBeGreaterThan(2_000);
    expect(tieGraphStats.follows - follows).toBeGreaterThan(20);
  });
});

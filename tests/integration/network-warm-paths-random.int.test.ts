import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/platform/neo4j/database.js";
import { findWarmPaths } from "../../server/domains/network/find-warm-paths.js";
import { forEachConcurrently } from "../helpers/concurrency.js";
import { bumpingTieVersion } from "../../server/platform/neo4j/tie-version.js";
import { connectTestDatabase, ownScope, type OwnScope } from "../helpers/neo4j.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { seededRandom } from "./network-fixtures.js";

/**
 * The independent check: warmPaths through /graphql against answers computed here, in plain
 * TypeScript, on generated graphs — a brute-force enumeration of all simple paths (small graphs)
 * and a breadth-first search (hop counts, a larger graph). The generator is seeded, so a failure
 * reproduces.
 */

let db: Database;
let server: TestServer;
let scope: OwnScope;

beforeAll(async () => {
  db = await connectTestDatabase();
  scope = await ownScope(db);
  // The queries below run `inFlight` at a time as one user: allow that many heavy requests at once (the cap itself
  // is tested in limits-cost).
  server = await startTestServer(db, { env: { HEAVY_REQUESTS_PER_USER: String(inFlight) } });
});

afterAll(async () => {
  await server?.http.close();
  await scope?.clean();
  await db?.close();
});

/**
 * Queries in flight at once: the answers are independent, and one at a time leaves the cores idle. Two (the
 * machine's cores), not more: the file shares Neo4j with the other own-part files, and with six at a time one
 * query waited past the 10 s limit of heavy requests (QUERY_TIMEOUT) on a machine at load 10.
 */
const inFlight = 2;

interface Tie {
  a: string;
  b: string;
  strength: number;
}

function generate(
  random: () => number,
  people: number,
  ties: number,
  strengths: readonly number[],
  prefix: string,
): { ids: string[]; ties: Tie[] } {
  const ids = Array.from({ length: people }, (_, i) => `${prefix}${String(i).padStart(4, "0")}`);
  const seen = new Set<string>();
  const out: Tie[] = [];
  while (out.length < ties) {
    const i = Math.floor(random() * people);
    const j = Math.floor(random() * people);
    if (i === j) continue;
    const key = i < j ? `${i}-${j}` : `${j}-${i}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ a: ids[i]!, b: ids[j]!, strength: strengths[Math.floor(random() * strengths.length)]! });
  }
  return { ids, ties: out };
}

/**
 * Writes a generated graph; its ids carry the file's prefix, so it is apart from every other graph. Its ties move the tie
 * version as every writer of KNOWS must (tie-version.ts): the analytics worker answers warmPaths from the tie graph it
 * holds while the version stands still, so ties written without the bump would be searched in a graph that lacks them.
 */
async function store(ids: string[], ties: Tie[]): Promise<void> {
  await db.write("UNWIND $ids AS id CREATE (:Person {id: id, name: id})", { ids });
  for (let i = 0; i < ties.length; i += 5000) {
    await db.write(
      bumpingTieVersion(
        "UNWIND $rows AS r MATCH (a:Person {id: r.a}), (b:Person {id: r.b}) CREATE (a)-[:KNOWS {strength: r.strength, channel: 'OTHER'}]->(b)",
      ),
      { rows: ties.slice(i, i + 5000) },
    );
  }
}

function adjacency(ties: Tie[]): Map<string, Array<{ to: string; strength: number }>> {
  const adj = new Map<string, Array<{ to: string; strength: number }>>();
  for (const t of ties) {
    adj.set(t.a, [...(adj.get(t.a) ?? []), { to: t.b, strength: t.strength }]);
    adj.set(t.b, [...(adj.get(t.b) ?? []), { to: t.a, strength: t.strength }]);
  }
  return adj;
}

interface Path {
  ids: string[];
  score: number;
}

/** Every simple path from a source to the target within the rules, ranked as the issue states. */
function bruteForce(
  adj: Map<string, Array<{ to: string; strength: number }>>,
  sources: string[],
  target: string,
  avoid: string[],
  maxHops: number,
  minStrength: number,
): Path[] {
  const blocked = new Set([...sources, target, ...avoid]);
  const found: Path[] = [];
  const walk = (ids: string[], strengths: number[]) => {
    const last = ids.at(-1)!;
    for (const { to, strength } of adj.get(last) ?? []) {
      if (strength < minStrength || ids.includes(to)) continue;
      if (to === target) {
        found.push({ ids: [...ids, to], score: [...strengths, strength].reduce((x, s) => x * s, 1) });
        continue;
      }
      if (blocked.has(to) || ids.length >= maxHops) continue;
      walk([...ids, to], [...strengths, strength]);
    }
  };
  for (const s of sources) if (!avoid.includes(s) && s !== target) walk([s], []);
  const cmpIds = (x: string[], y: string[]) => {
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
    return x.length - y.length;
  };
  return found.sort(
    (p, q) => Math.round(q.score * 1e9) - Math.round(p.score * 1e9) || p.ids.length - q.ids.length || cmpIds(p.ids, q.ids),
  );
}

const query = `
  query ($to: ID!, $from: [ID!], $k: Int, $maxHops: Int, $minStrength: Float, $avoid: [ID!]) {
    warmPaths(to: $to, from: $from, k: $k, maxHops: $maxHops, minStrength: $minStrength, avoid: $avoid) {
      score hops steps { person { id } }
    }
  }`;

async function warmPaths(variables: Record<string, unknown>): Promise<Array<{ ids: string[]; score: number; hops: number }>> {
  const result = await server.graphql<{
    warmPaths: Array<{ score: number; hops: number; steps: Array<{ person: { id: string } }> }>;
  }>(query, variables);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!.warmPaths.map((p) => ({ ids: p.steps.map((s) => s.person.id), score: p.score, hops: p.hops }));
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

describe("warmPaths against a brute-force enumeration on small random graphs", () => {
  // Generous limits: each test writes its graphs first, and the machine may be busy.
  it(
    "returns exactly the k best simple paths for 200 random queries, with and without the strength ladder",
    { timeout: 300_000 },
    async () => {
      const random = seededRandom(20250630);
      let compared = 0;
      let nonEmpty = 0;
      // The draws stay in the original order (graph, then its 40 queries); the queries then run concurrently.
      const queries: Array<{
        graph: number;
        adj: ReturnType<typeof adjacency>;
        target: string;
        sources: string[];
        avoid: string[];
        k: number;
        maxHops: number;
        minStrength: number;
      }> = [];
      for (let graph = 0; graph < 5; graph++) {
        // Few distinct strengths, so equal scores (and the tie-breaking rules) are common.
        const { ids, ties } = generate(random, 24, 60, [0.2, 0.4, 0.5, 0.6, 0.8, 1], scope.id(`g${graph}p`));
        await store(ids, ties);
        const adj = adjacency(ties);
        for (let q = 0; q < 40; q++) {
          const target = pick(random, ids);
          const sources = [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(random, ids)))].filter(
            (s) => s !== target,
          );
          if (sources.length === 0) sources.push(ids.find((id) => id !== target)!);
          const avoid = [...new Set(Array.from({ length: Math.floor(random() * 3) }, () => pick(random, ids)))].filter(
            (a) => a !== target && !sources.includes(a),
          );
          const k = 1 + Math.floor(random() * 6);
          const maxHops = 1 + Math.floor(random() * 5);
          const minStrength = pick(random, [0, 0, 0.4, 0.5]);
          queries.push({ graph, adj, target, sources, avoid, k, maxHops, minStrength });
        }
      }
      await forEachConcurrently(queries, inFlight, async ({ graph, adj, target, sources, avoid, k, maxHops, minStrength }) => {
        const expected = bruteForce(adj, sources, target, avoid, maxHops, minStrength).slice(0, k);
        const actual = await warmPaths({ to: target, from: sources, k, maxHops, minStrength, avoid });
        const label = JSON.stringify({ graph, target, sources, avoid, k, maxHops, minStrength });
        expect(
          actual.map((p) => p.ids),
          label,
        ).toEqual(expected.map((p) => p.ids));
        actual.forEach((p, i) => {
          expect(p.score, label).toBeCloseTo(expected[i]!.score, 12);
          expect(p.hops, label).toBe(p.ids.length - 1);
        });
        // The same query with the strength ladder forced (every end counts as a hub): it must not change the answer.
        const laddered = await findWarmPaths(db, { to: target, from: sources, k, maxHops, minStrength, avoid }, { lightEnds: 0 });
        expect(
          laddered.map((p) => p.steps.map((s) => s.person.id)),
          `${label} (ladder)`,
        ).toEqual(expected.map((p) => p.ids));
        laddered.forEach((p, i) => expect(p.score, `${label} (ladder)`).toBeCloseTo(expected[i]!.score, 12));
        compared += 1;
        if (expected.length > 0) nonEmpty += 1;
      });
      expect(compared).toBe(200);
      // The check means something only if most queries have paths to compare.
      expect(nonEmpty).toBeGreaterThan(120);
    },
  );
});

describe("warmPaths hop counts against a breadth-first search on a larger random graph", () => {
  it(
    "finds the fewest hops when every usable tie is equally strong, and nothing beyond maxHops",
    { timeout: 300_000 },
    async () => {
      const random = seededRandom(424242);
      // 3,000 people, 20,000 ties; strengths 0.3 or 0.9, and minStrength 0.5 keeps only the 0.9 ties,
      // so a path's score 0.9^hops is highest exactly for the fewest hops.
      const { ids, ties } = generate(random, 3000, 20000, [0.3, 0.9], scope.id("b"));
      await store(ids, ties);
      const strong = adjacency(ties.filter((t) => t.strength >= 0.5));
      const bfs = (from: string, to: string): number | undefined => {
        const dist = new Map([[from, 0]]);
        const queue = [from];
        for (let head = 0; head < queue.length; head++) {
          const v = queue[head]!;
          for (const { to: w } of strong.get(v) ?? []) {
            if (dist.has(w)) continue;
            dist.set(w, dist.get(v)! + 1);
            if (w === to) return dist.get(w);
            queue.push(w);
          }
        }
        return dist.get(to);
      };
      let reached = 0;
      // The draws stay in the original order; the queries then run concurrently.
      const queries: Array<{ from: string; to: string; maxHops: number }> = [];
      for (let q = 0; q < 100; q++) {
        const from = pick(random, ids);
        const to = pick(random, ids);
        if (from === to) continue;
        queries.push({ from, to, maxHops: 3 + Math.floor(random() * 4) });
      }
      await forEachConcurrently(queries, inFlight, async ({ from, to, maxHops }) => {
        const hops = bfs(from, to);
        const paths = await warmPaths({ to, from: [from], k: 3, maxHops, minStrength: 0.5 });
        const label = JSON.stringify({ from, to, maxHops, hops });
        if (hops === undefined || hops > maxHops) {
          expect(paths, label).toEqual([]);
          return;
        }
        reached += 1;
        expect(paths[0]!.hops, label).toBe(hops);
        expect(paths[0]!.score, label).toBeCloseTo(0.9 ** hops, 12);
        for (const p of paths) {
          expect(p.hops).toBeGreaterThanOrEqual(hops);
          expect(p.hops).toBeLessThanOrEqual(maxHops);
          expect(new Set(p.ids).size).toBe(p.ids.length);
        }
      });
      expect(reached).toBeGreaterThan(30);
    },
  );
});

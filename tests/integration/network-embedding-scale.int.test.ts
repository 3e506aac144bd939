import { spawnSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../helpers/processes.js";
import { createDatabase, type Database } from "../../server/platform/neo4j/database.js";
import { computeProgrammeEmbedding } from "../../server/domains/network/compute-embedding.js";
import { countThreads } from "../../server/domains/network/count-threads.js";
import { loadWarmNeighbourhood } from "../../server/domains/network/load-warm-neighbourhood.js";
import { refreshEmbedding } from "../../server/domains/network/refresh-embedding.js";
import { scheduleEmbeddingRefresh } from "../../server/domains/network/schedule-embedding-refresh.js";
import { setWarmThreshold } from "../../server/domains/network/warm-threshold.js";
import { openWarmTieStore } from "../../server/domains/network/WarmTieStore.js";
import { connectTestDatabase, resetGraph } from "../helpers/neo4j.js";
import { peopleNamed, seededRandom, writeGraph, type TieSpec } from "./network-fixtures.js";
import { bumpingTieVersion } from "../../server/platform/neo4j/tie-version.js";

/**
 * What makes the embedding fast at national scale must not change its answers: the warm
 * neighbourhood searched level by level over the shared tie store equals H by its definition, the
 * store is never used after the graph changed, and the scheduled refresh keeps the stored figures
 * current on its own.
 */

let db: Database;

beforeAll(async () => {
  db = await connectTestDatabase();
});

afterAll(async () => {
  await db?.close();
});

/** dX(v) by definition: fewest warm ties from X, inner people outside W and R. */
function distances(
  from: ReadonlySet<string>,
  W: ReadonlySet<string>,
  R: ReadonlySet<string>,
  adj: Map<string, string[]>,
): Map<string, number> {
  const d = new Map<string, number>([...from].map((v) => [v, 0]));
  let frontier = [...from];
  for (let depth = 1; frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const u of frontier) {
      if (depth > 1 && (W.has(u) || R.has(u))) continue; // an end is never an inner person
      for (const v of adj.get(u) ?? []) {
        if (d.has(v)) continue;
        d.set(v, depth);
        next.push(v);
      }
    }
    frontier = next;
  }
  return d;
}

describe("the warm neighbourhood, searched over the shared tie store", () => {
  it("equals H = {v : dW(v) + dR(v) ≤ maxHops} with its exact distances and ties, on 40 random graphs; threads equal those on H", async () => {
    const random = seededRandom(5);
    for (let round = 0; round < 40; round++) {
      const n = 8 + Math.floor(random() * 25);
      const ids = Array.from({ length: n }, (_, i) => `p${String(i).padStart(2, "0")}`);
      const ties: TieSpec[] = [];
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          if (random() < 0.12) ties.push({ a: ids[i]!, b: ids[j]!, strength: Math.round(random() * 100) / 100 });
        }
      }
      const W = new Set(ids.filter(() => random() < 0.12));
      if (W.size === 0) W.add(ids[0]!);
      const R = new Set(ids.filter((id) => random() < (W.has(id) ? 0.1 : 0.2)));
      const maxHops = 1 + Math.floor(random() * 6);
      const threshold = 0.5;
      await resetGraph(db);
      await writeGraph(db, { people: peopleNamed(...ids), ties });

      const adj = new Map<string, string[]>();
      for (const t of ties) {
        if (t.strength < threshold) continue;
        adj.set(t.a, [...(adj.get(t.a) ?? []), t.b]);
        adj.set(t.b, [...(adj.get(t.b) ?? []), t.a]);
      }
      const dW = distances(W, W, R, adj);
      const dR = distances(R, W, R, adj);
      const H = new Set(ids.filter((v) => dW.has(v) && dR.has(v) && dW.get(v)! + dR.get(v)! <= maxHops));

      const ties_ = await openWarmTieStore(db, threshold);
      const found = await loadWarmNeighbourhood({ db, ties: ties_ }, [...W], [...R], maxHops);
      const label = `round ${round} (n ${n}, maxHops ${maxHops})`;
      expect([...found.distanceFromSources.keys()].sort(), label).toEqual([...H].sort());
      for (const v of H) {
        expect([found.distanceFromSources.get(v), found.distanceFromTargets.get(v)], `${label}: ${v}`).toEqual([
          dW.get(v),
          dR.get(v),
        ]);
      }
      expect([...found.sources].sort(), label).toEqual([...W].filter((v) => H.has(v)).sort());
      expect([...found.targets].sort(), label).toEqual([...R].filter((v) => H.has(v)).sort());
      const expectedTies = ties
        .filter((t) => t.strength >= threshold && H.has(t.a) && H.has(t.b))
        .map((t) => [t.a, t.b].sort().join("-"))
        .sort();
      const foundTies = [...found.neighbours].flatMap(([v, list]) => list.filter((u) => v < u).map((u) => `${v}-${u}`)).sort();
      expect(foundTies, label).toEqual(expectedTies);
      const onH = {
        sources: new Set([...W].filter((v) => H.has(v))),
        targets: new Set([...R].filter((v) => H.has(v))),
        neighbours: found.neighbours,
      };
      expect(countThreads(found).threads, label).toBe(countThreads(onH, "dinic").threads);
    }
  });
});

const spec = {
  people: peopleNamed("c1", "a", "b", "t1", "t2"),
  workspace: { id: "ws", name: "Werkplaats", coordinators: ["c1"] },
  institutions: [{ id: "HE", name: "Hogeschool Een", shortName: "HE" }],
  programmes: [{ id: "P1", name: "Een", institution: "HE" }],
  courses: [{ id: "k1", name: "Vak", programme: "P1" }],
  teaches: [
    ["t1", "k1"],
    ["t2", "k1"],
  ] as Array<[string, string]>,
  ties: [
    { a: "c1", b: "a", strength: 0.8 },
    { a: "a", b: "t1", strength: 0.9 },
    { a: "c1", b: "b", strength: 0.8 },
    { a: "b", b: "t2", strength: 0.3 },
  ],
};

describe("the shared tie store", () => {
  beforeAll(async () => {
    await resetGraph(db);
    await writeGraph(db, spec);
  });

  it("is reused while the ties are unchanged and never after a tie write: the answer follows a changed tie at once", async () => {
    const first = await openWarmTieStore(db, 0.5);
    expect(await openWarmTieStore(db, 0.5)).toBe(first);
    // A request's Database (with its own time limit) shares the driver, and so the store.
    expect(await openWarmTieStore(db.withTransactionTimeout(5_000), 0.5)).toBe(first);
    expect(await openWarmTieStore(db, 0.4)).not.toBe(first);

    expect((await computeProgrammeEmbedding(db, "P1", { asOf: "2025-06-30" })).threads).toBe(1);
    // Tie writes as the server's writers make them, with the tie version moved on (server/platform/neo4j/tie-version.ts).
    await db.write(bumpingTieVersion("MATCH (:Person {id: 'b'})-[k:KNOWS]-(:Person {id: 't2'}) SET k.strength = 0.7"));
    const second = await openWarmTieStore(db, 0.5);
    expect(second).not.toBe(first);
    expect((await computeProgrammeEmbedding(db, "P1", { asOf: "2025-06-30" })).threads).toBe(2);
    // Any other write leaves the store warm (tests/integration/network-tie-version.int.test.ts: each kind).
    await db.write("MATCH (p:Person {id: 'b'}) SET p.jobTitle = 'Docent'");
    expect(await openWarmTieStore(db, 0.5)).toBe(second);
    await db.write(bumpingTieVersion("MATCH (:Person {id: 'a'})-[k:KNOWS]-(:Person {id: 't1'}) DELETE k"));
    expect((await computeProgrammeEmbedding(db, "P1", { asOf: "2025-06-30" })).threads).toBe(1);
  });
});

describe("the scheduled refresh", () => {
  beforeAll(async () => {
    await resetGraph(db);
    await writeGraph(db, spec);
  });

  const storedThreads = async () =>
    Number((await db.read("MATCH (s:EmbeddingSnapshot {targetId: 'P1'}) RETURN s.threads AS n"))[0]?.n ?? -1);

  it("recomputes the stored figures on its own after a tie changed, with the workspace's threshold, and stops", async () => {
    // The workspace's own warm threshold (#14): the scheduled refresh uses it, as the query without one does.
    await setWarmThreshold(db, { workspace: "ws", threshold: 0.6 });
    await refreshEmbedding(db, { workspace: "ws" });
    expect(await storedThreads()).toBe(1);
    // 0.65: warm at the workspace's threshold 0.6 (the default 0.5 would count it either way).
    await db.write(bumpingTieVersion("MATCH (:Person {id: 'b'})-[k:KNOWS]-(:Person {id: 't2'}) SET k.strength = 0.65"));
    const schedule = scheduleEmbeddingRefresh(db, { intervalMs: 200 });
    try {
      for (let waited = 0; (await storedThreads()) !== 2 && waited < 15_000; waited += 100)
        await new Promise((r) => setTimeout(r, 100));
      expect(await storedThreads()).toBe(2);
      const stored = await db.read("MATCH (s:EmbeddingSnapshot {targetId: 'P1'}) RETURN s.warmThreshold AS t, s.asOf AS asOf");
      expect(stored[0]?.t).toBe(0.6);
      expect(schedule.state.failures).toBe(0);
    } finally {
      await schedule.stop();
    }
    const runs = schedule.state.runs;
    expect(runs).toBeGreaterThanOrEqual(1);
    await new Promise((r) => setTimeout(r, 600));
    expect(schedule.state.runs).toBe(runs);
  });

  it("runs in a worker thread when compiled (npm start), with the same result", { timeout: 120_000 }, async () => {
    // The compiled server, as npm start runs it: from TypeScript the refresh stays on the calling thread.
    const built = spawnSync(process.execPath, ["scripts/build-server.mjs", "--quiet"], { cwd: projectRoot, encoding: "utf8" });
    expect(built.status, built.stderr).toBe(0);
    const compiled = (await import(
      pathToFileURL(path.join(projectRoot, "dist/server/domains/network/schedule-embedding-refresh.js")).href
    )) as {
      scheduleEmbeddingRefresh: typeof scheduleEmbeddingRefresh;
    };
    await resetGraph(db);
    await writeGraph(db, spec);
    await setWarmThreshold(db, { workspace: "ws", threshold: 0.6 });
    await refreshEmbedding(db, { workspace: "ws" });
    expect(await storedThreads()).toBe(1);
    await db.write(bumpingTieVersion("MATCH (:Person {id: 'b'})-[k:KNOWS]-(:Person {id: 't2'}) SET k.strength = 0.65"));
    const schedule = compiled.scheduleEmbeddingRefresh(db, { intervalMs: 200 });
    try {
      for (let waited = 0; (await storedThreads()) !== 2 && waited < 60_000; waited += 100)
        await new Promise((r) => setTimeout(r, 100));
      expect(await storedThreads()).toBe(2);
      expect(schedule.state.ranIn).toBe("worker");
      expect(schedule.state.failures).toBe(0);
    } finally {
      await schedule.stop();
    }
  });

  it("skips a run when Neo4j cannot be reached, and goes on trying", async () => {
    const nowhere = createDatabase({
      uri: "bolt://127.0.0.1:1",
      database: "neo4j",
      noAuth: true,
      connectionTimeoutMs: 500,
      connectionAcquisitionTimeoutMs: 500,
      maxTransactionRetryTimeMs: 0,
    });
    const schedule = scheduleEmbeddingRefresh(nowhere, { intervalMs: 50 });
    try {
      for (let waited = 0; schedule.state.skipped < 2 && waited < 15_000; waited += 100)
        await new Promise((r) => setTimeout(r, 100));
      expect(schedule.state.skipped).toBeGreaterThanOrEqual(2);
      expect([schedule.state.runs, schedule.state.failures]).toEqual([0, 0]);
    } finally {
      await schedule.stop();
      await nowhere.close();
    }
  });
});

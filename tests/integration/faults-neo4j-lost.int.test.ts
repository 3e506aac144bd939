import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoUsers } from "../../server/platform/auth/ensure-demo-users.js";
import { loadConfig } from "../../server/platform/config.js";
import { startProduct, type RunningProduct } from "../../server/app/start.js";
import { testJvmOptionsEnv } from "../helpers/neo4j.js";
import { freePort, occupyPort } from "../helpers/processes.js";
import { codeOf, gql } from "../helpers/trust-requests.js";

/**
 * The embedded Neo4j killed (SIGKILL, no chance to flush) in the middle of a stream of writes
 * through the API: its supervisor (server/platform/neo4j/supervise-embedded.ts) starts it again on
 * the same data folder and port without anyone acting; every write the API acknowledged is there,
 * none is half-written, requests failed fast with SERVICE_UNAVAILABLE meanwhile, /health said
 * "restarting", and the API serves again by itself — same process, same driver. Then a JVM that
 * cannot start again (its port taken) makes the supervisor give up with the reason after
 * NEO4J_RESTART_MAX_FAILURES. The product's own embedded Neo4j, own folder (one start, one restart).
 */
const config = loadConfig();
const home = mkdtempSync(path.join(os.tmpdir(), "werkplaats-faults-lost-"));
let boltPort: number;
let product: RunningProduct | undefined;
let token = "";
const gaveUp: string[] = [];

beforeAll(async () => {
  boltPort = await freePort();
  product = await startProduct(
    loadConfig({
      NODE_ENV: "test",
      PORT: "0",
      HOST: "127.0.0.1",
      NEO4J_HOME: home,
      NEO4J_RUNTIME_DIR: config.NEO4J_RUNTIME_DIR,
      NEO4J_BOLT_PORT: String(boltPort),
      NEO4J_HEAP: "512m",
      NEO4J_PAGECACHE: "64m",
      ...testJvmOptionsEnv(),
      NEO4J_START_TIMEOUT_MS: "240000",
      // The default back-off (1 s), fewer failures allowed; the defaults are 1 s, 5 failures, 10 minutes (README "Operations").
      NEO4J_RESTART_BACKOFF_MS: "1000",
      NEO4J_RESTART_MAX_FAILURES: "3",
      NEO4J_RESTART_WINDOW_MS: "600000",
      SEED_DEMO: "false",
      RATE_LIMIT_PER_MINUTE: "100000",
    }),
    { onGiveUp: (reason) => gaveUp.push(reason) },
  );
  const coordinator = demoUsers.find((u) => u.roles.includes("COORDINATOR"));
  const login = await gql(
    product.url,
    `mutation { login(email: "${coordinator?.email}", password: "${coordinator?.password}") { token } }`,
  );
  token = (login.body.data?.login as { token: string }).token;
});

afterAll(async () => {
  await product?.stop().catch(() => {});
  rmSync(home, { recursive: true, force: true });
});

const CREATE = `mutation($name: String!) {
  createInstitutions(input: [{ name: $name, kind: HBO, programmes: { create: [{ node: {
    name: $name, level: BACHELOR, courses: { create: [{ node: { name: $name, kind: PROJECT, themes: ["durability"] } }] }
  } }] } }]) { institutions { id } }
}`;

describe("the embedded Neo4j lost while serving", () => {
  it("is restarted by its supervisor: keeps every acknowledged write, half-writes none, fails fast meanwhile, recovers by itself", async () => {
    const url = product?.url ?? "";
    const acknowledged: string[] = [];
    const failures: Array<{ code: string | undefined; ms: number; afterKill: boolean }> = [];
    let killedAt = 0;
    let stop = false;

    const worker = async (w: number): Promise<void> => {
      for (let i = 0; !stop; i++) {
        const name = `w${w}-${i}`;
        const started = Date.now();
        const response = await gql(url, CREATE, { name }, token).catch(() => undefined);
        const ms = Date.now() - started;
        if (response && !response.body.errors && response.body.data?.createInstitutions) acknowledged.push(name);
        else
          failures.push({
            code: response ? codeOf(response) : "NO_RESPONSE",
            ms,
            afterKill: killedAt > 0 && started >= killedAt,
          });
        if (killedAt > 0 && Date.now() - killedAt > 8_000) stop = true;
      }
    };
    const workers = [0, 1, 2, 3].map(worker);
    // Let writes flow, then kill the database without warning.
    while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 50));
    const killedPid = product?.embedded?.pid ?? -1;
    process.kill(killedPid, "SIGKILL");
    killedAt = Date.now();
    // /health says what is going on: restarting, which attempt, when the next try comes.
    let restarting: Record<string, unknown> | undefined;
    while (!restarting && Date.now() - killedAt < 5_000) {
      const body = (await (await fetch(`${product?.url}health`)).json()) as { neo4j: Record<string, unknown> };
      if (body.neo4j.state === "restarting") restarting = body.neo4j;
      else await new Promise((r) => setTimeout(r, 20));
    }
    expect(restarting).toMatchObject({ reachable: false, state: "restarting", attempts: 1, nextTryInMs: 1000 });
    expect(String(restarting?.reason)).toMatch(new RegExp(`embedded Neo4j \\(pid ${killedPid}\\) was killed \\(SIGKILL\\)`));
    await Promise.all(workers);
    const ackedBeforeKill = acknowledged.length;

    // Meanwhile: every failure is SERVICE_UNAVAILABLE, the first within seconds, later ones at once.
    const after = failures.filter((f) => f.afterKill);
    expect(after.length).toBeGreaterThan(8);
    expect(new Set(failures.map((f) => f.code))).toEqual(new Set(["SERVICE_UNAVAILABLE"]));
    expect(Math.max(...failures.map((f) => f.ms))).toBeLessThan(10_000); // in flight at the kill included
    const fast = after.slice(4);
    // "At once": without failing fast, each request would wait for the driver's connection timeout,
    // so nearly all of them would take seconds and few would fit in the 8 s of the stream. A stall of
    // the whole test process (the API runs in it) delays the four workers' requests together: the
    // fresh-clone run at load ~8 saw 4 of 121 at 1.8-2.0 s, side by side, and 2026-11-28 one at 6.5 s
    // among hundreds at 1-5 ms. So nine in ten fail within a second, and every one within the 10 s above.
    expect(
      fast.filter((f) => f.ms < 1_000).length / fast.length,
      `latencies after kill: ${after.map((f) => f.ms).join(", ")}`,
    ).toBeGreaterThanOrEqual(0.9);
    // Nobody acts: the supervisor brings Neo4j back on the same folder and port; the API serves again.
    const deadline = Date.now() + 120_000;
    let back = false;
    while (!back && Date.now() < deadline) {
      const probe = await gql(url, `{ institutions(limit: 1) { id } }`, undefined, token);
      back = !probe.body.errors;
      if (!back) await new Promise((r) => setTimeout(r, 500));
    }
    expect(back).toBe(true);
    expect((await fetch(`${url}health`)).status).toBe(200);
    expect(product?.supervisor?.state()).toMatchObject({ state: "running", restarts: 1 });
    expect(product?.embedded?.pid).not.toBe(killedPid);

    // Every acknowledged write is there, whole.
    const db = product?.db;
    const rows = await db!.read(
      `UNWIND $names AS name
       OPTIONAL MATCH (i:Institution {name: name})
       OPTIONAL MATCH (i)<-[:OFFERED_BY]-(p:Programme {name: name})<-[:PART_OF]-(c:Course {name: name})
       RETURN name, count(DISTINCT i) AS institutions, count(DISTINCT p) AS programmes, count(DISTINCT c) AS courses`,
      { names: acknowledged },
    );
    const incomplete = rows.filter((r) => r.institutions !== 1 || r.programmes !== 1 || r.courses !== 1);
    expect(incomplete).toEqual([]);
    expect(rows).toHaveLength(ackedBeforeKill);
    // None is half-written, acknowledged or not: no institution without its programme and course, no orphans.
    const half = await db!.read(
      `MATCH (i:Institution) WHERE NOT EXISTS { (i)<-[:OFFERED_BY]-(:Programme)<-[:PART_OF]-(:Course) } RETURN count(i) AS n
       UNION ALL MATCH (p:Programme) WHERE NOT EXISTS { (p)-[:OFFERED_BY]->(:Institution) } RETURN count(p) AS n
       UNION ALL MATCH (c:Course) WHERE NOT EXISTS { (c)-[:PART_OF]->(:Programme) } RETURN count(c) AS n`,
    );
    expect(half.map((r) => r.n)).toEqual([0, 0, 0]);

    // And it writes again.
    const again = await gql(url, CREATE, { name: "after-restart" }, token);
    expect(again.body.errors).toBeUndefined();
    process.stderr.write(
      `[faults] acknowledged before kill: ${ackedBeforeKill}; failures after kill: ${after.length} (first ${after[0]?.ms} ms, then max ${Math.max(0, ...fast.map((f) => f.ms))} ms)\n`,
    );
  }, 300_000); // a Neo4j restart takes up to a minute on a busy machine

  it("gives up with the reason after NEO4J_RESTART_MAX_FAILURES when the JVM cannot start again", async () => {
    // Second death in the window (the kill above was the first); the port is taken before the
    // restart, so the attempt fails at once: the third failure, and the supervisor gives up.
    // The supervisor sees the death only once the JVM has exited (its port free), and restarts it
    // NEO4J_RESTART_BACKOFF_MS after that: the port is taken in that window. A SIGKILLed JVM can
    // take longer than the back-off to exit on a loaded machine, so the wait starts from the
    // supervisor's "restarting", not from the kill.
    // From a running Neo4j (the restart above is done even when that test failed before waiting for it).
    const running = Date.now() + 120_000;
    while (product?.supervisor?.state().state !== "running" && Date.now() < running) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(product?.supervisor?.state().state).toBe("running");
    process.kill(product?.embedded?.pid ?? -1, "SIGKILL");
    const deathSeen = Date.now() + 60_000;
    while (product?.supervisor?.state().state !== "restarting" && Date.now() < deathSeen) {
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(product?.supervisor?.state().state).toBe("restarting");
    let holder: Awaited<ReturnType<typeof occupyPort>> | undefined;
    const started = Date.now();
    while (!holder && Date.now() - started < 500) holder = await occupyPort(boltPort).catch(() => undefined);
    expect(holder, "the port could be taken before the restart").toBeDefined();
    try {
      const deadline = Date.now() + 60_000;
      while (gaveUp.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(gaveUp).toHaveLength(1);
      expect(gaveUp[0]).toMatch(/restart attempt 1 failed: Embedded Neo4j: port \d+ on 127\.0\.0\.1 is already in use/);
      expect(gaveUp[0]).toMatch(/3 failures within 600 s \(NEO4J_RESTART_MAX_FAILURES=3\): giving up/);
      expect(product?.supervisor?.state().state).toBe("given-up");
      const health = await fetch(`${product?.url}health`);
      expect(health.status).toBe(503);
    } finally {
      holder?.close();
    }
  }, 120_000);
});

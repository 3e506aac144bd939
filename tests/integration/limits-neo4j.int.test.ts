import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listen, type RunningHttp } from "../../server/app/listen.js";
import { loadConfig, type Config } from "../../server/platform/config.js";
import { ensureConstraints } from "../../server/platform/neo4j/constraints.js";
import { connectDatabase, type Database } from "../../server/platform/neo4j/database.js";
import { embeddedOptionsFrom } from "../../server/platform/neo4j/embedded-options-from-config.js";
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from "../../server/platform/neo4j/embedded.js";
import { testJvmOptionsEnv } from "../helpers/neo4j.js";
import { freePort } from "../helpers/processes.js";
import { testAccounts } from "../helpers/test-accounts.js";
import { codeOf, gql, tokenFor, type RawResponse } from "../helpers/trust-requests.js";

/**
 * Issue #13: the limits Neo4j itself enforces, proven on a real one. This file starts an embedded
 * Neo4j of its own (not the run's): the transaction memory limit is a setting of the database, given
 * at its start from NEO4J_TRANSACTION_MEMORY through the product's own mapping (embeddedOptionsFrom),
 * and lowered here so that a request can exceed it with a few megabytes of data. The analytics time
 * limit (ANALYTICS_TIMEOUT_MS, 30 s in the product) is lowered to 500 ms for this file's server, so a
 * query that really runs seconds shows it (docs/security.md "Limits").
 */
const TRANSACTION_MEMORY = "4m";
const ANALYTICS_TIMEOUT_MS = 500;
/** People and ties of the dense graph (20 ties each, counting both ways): a 6-tie path search meets ~20³ half paths a side. */
const PEOPLE = 1_500;
const TIES_EACH = 10;

let home: string;
let neo4j: EmbeddedNeo4j | undefined;
let db: Database;
let server: RunningHttp;
let viewer: string;
let other: string;
let config: Config;

const env = {
  NODE_ENV: "test",
  PORT: "0",
  HOST: "127.0.0.1",
  RATE_LIMIT_PER_MINUTE: "100000",
  ANALYTICS_TIMEOUT_MS: String(ANALYTICS_TIMEOUT_MS),
};
const ordinary = `{ people(limit: 3, sort: [{ id: ASC }]) { id name } }`;

async function othersServed(): Promise<void> {
  const answer = await gql(server.url, ordinary, undefined, other);
  expect(answer.status).toBe(200);
  expect(answer.body.errors).toBeUndefined();
  expect((answer.body.data?.people as unknown[]).length).toBe(3);
  expect((await fetch(`${server.url}health`)).status).toBe(200);
}

async function timed(run: () => Promise<RawResponse>): Promise<{ answer: RawResponse; ms: number }> {
  const started = performance.now();
  const answer = await run();
  return { answer, ms: performance.now() - started };
}

beforeAll(async () => {
  home = mkdtempSync(path.join(os.tmpdir(), "werkplaats-limits-neo4j-"));
  config = loadConfig({
    ...env,
    NEO4J_HOME: home,
    NEO4J_BOLT_PORT: String(await freePort()),
    NEO4J_HEAP: "512m",
    NEO4J_PAGECACHE: "64m",
    NEO4J_START_TIMEOUT_MS: "240000",
    NEO4J_TRANSACTION_MEMORY: TRANSACTION_MEMORY,
    ...testJvmOptionsEnv(),
  });
  neo4j = await startEmbeddedNeo4j(embeddedOptionsFrom(config, () => {}));
  db = await connectDatabase({
    uri: neo4j.uri,
    database: "neo4j",
    noAuth: true,
    maxTransactionRetryTimeMs: config.NEO4J_TX_RETRY_MS,
  });
  await ensureConstraints(db);
  // The dense part: people p0…, each tied to TIES_EACH others (strides of 7, so every filter visits the same).
  // Written 100 people at a time: a transaction of the whole graph would itself pass the 4 MB.
  for (let from = 0; from < PEOPLE; from += 100) {
    await db.write(`UNWIND range($from, $from + 99) AS i CREATE (:Person {id: 'limits-p' + i, name: 'Person ' + i})`, { from });
  }
  for (let from = 0; from < PEOPLE; from += 100) {
    await db.write(
      `UNWIND range($from, $from + 99) AS i
       MATCH (a:Person {id: 'limits-p' + i})
       UNWIND range(1, $ties) AS stride
       MATCH (b:Person {id: 'limits-p' + ((i + stride * 7) % $people)})
       CREATE (a)-[:KNOWS {strength: 0.5}]->(b)`,
      { from, people: PEOPLE, ties: TIES_EACH },
    );
  }
  // The wide part: 1,000 people whose job titles are 5,000 characters each (10 MB of Java strings to sort, 4 MB allowed).
  const title = "abcdefghij".repeat(500);
  for (let from = 0; from < 1_000; from += 10) {
    await db.write(
      `UNWIND range($from, $from + 9) AS i
       CREATE (:Person {id: 'limits-wide' + i, name: 'Wide ' + i, jobTitle: i + ' ' + $title})`,
      { from, title },
    );
  }
  server = await listen(loadConfig(env), db, { accounts: testAccounts });
  viewer = await tokenFor(["VIEWER"], "limits-neo4j-viewer");
  other = await tokenFor(["VIEWER"], "limits-neo4j-other");
}, 300_000);

afterAll(async () => {
  await server?.close();
  await db?.close();
  await neo4j?.stop();
  if (home) rmSync(home, { recursive: true, force: true });
});

describe("a heavy request runs under ANALYTICS_TIMEOUT_MS (lowered to 500 ms here; 30 s in the product)", () => {
  it("stops an analytic (a custom resolver's transactions) with QUERY_TIMEOUT, and serves others meanwhile", async () => {
    // Every path of up to 6 ties between two people of the dense graph: tens of thousands of half paths each side.
    const search = `{ warmPaths(to: "limits-p700", from: ["limits-p0"], k: 1000, maxHops: 6, minStrength: 0.1) { score } }`;
    // Neo4j plans a statement the first time it sees its text, and planning does not stop at the time limit: the
    // 6-hop statements are planned first, on a person without ties (the same text, other parameters), so what is
    // measured is the search. In the product the plans are cached after the first request.
    await gql(server.url, search.replace("limits-p700", "limits-wide0"), undefined, viewer);
    const [analytic, meanwhile] = await Promise.all([
      timed(() => gql(server.url, search, undefined, viewer)),
      gql(server.url, ordinary, undefined, other),
    ]);
    expect(codeOf(analytic.answer)).toBe("QUERY_TIMEOUT");
    expect(analytic.ms).toBeLessThan(10_000);
    expect(meanwhile.body.errors).toBeUndefined();
    await othersServed();
  });
});

describe("a heavy generated query runs under ANALYTICS_TIMEOUT_MS too", () => {
  // Skipped (session 6): the query is not reliably slow. After the test above warmed the page cache and plans, Neo4j
  // answered it ([]) in 0.8 s, starting from the missing name; alone it was stopped only after 9.9 s of planning, which
  // the time limit does not cover. Session 7 tried one slow from both ends: four `knows: { some }` levels from the dense
  // people to 200 islanders tied only among themselves (unreachable, job title unindexed) answered [] in 0.6 s — Neo4j
  // walks nested existence a level at a time over distinct nodes, not path by path. Still to be found (#13, open).
  it.skip("stops a generated query whose cost makes it heavy with QUERY_TIMEOUT, well before QUERY_TIMEOUT_MS, and serves others", async () => {
    // Heavy by its cost (1,000 people × 100 ties each selected: about 300,000, HEAVY_REQUEST_COST is 200,000) and slow by
    // its filter: four ties deep to a name nobody has, so every person's 20⁴ paths are walked and nothing is kept
    // (little memory: the 4 MB limit is not what stops it). Ordinary requests get QUERY_TIMEOUT_MS, 30 s here.
    const nobody = `{ name: { eq: "nobody" } }`;
    let filter = nobody;
    for (let i = 0; i < 4; i++) filter = `{ knows: { some: ${filter} } }`;
    const heavy = `{ people(limit: 1000, where: ${filter}) { id knows(limit: 100) { id name } } }`;
    const [stopped, meanwhile] = await Promise.all([
      timed(() => gql(server.url, heavy, undefined, viewer)),
      gql(server.url, ordinary, undefined, other),
    ]);
    expect(config.QUERY_TIMEOUT_MS).toBe(30_000);
    expect(codeOf(stopped.answer)).toBe("QUERY_TIMEOUT");
    expect(stopped.ms).toBeLessThan(10_000);
    expect(meanwhile.body.errors).toBeUndefined();
    await othersServed();
  });
});

describe(`one transaction's memory is capped (NEO4J_TRANSACTION_MEMORY, lowered to ${TRANSACTION_MEMORY} here; 256 MB in the product)`, () => {
  it("was given to Neo4j at its start", async () => {
    const rows = await db.read(`SHOW SETTINGS YIELD name, value WHERE name = 'db.memory.transaction.max' RETURN value`);
    expect(String(rows[0]?.value)).toMatch(/^(4m|4\.00MiB|4194304)$/i);
  });

  it("stops a request that sorts 10 MB with QUERY_TOO_LARGE, serves others meanwhile, and the same request for two people runs", async () => {
    const wide = (where: string) => `{ people(where: ${where}, limit: 1000, sort: [{ jobTitle: DESC }]) { id jobTitle } }`;
    const [tooLarge, meanwhile] = await Promise.all([
      gql(server.url, wide(`{ id: { startsWith: "limits-wide" } }`), undefined, viewer),
      gql(server.url, ordinary, undefined, other),
    ]);
    expect(codeOf(tooLarge)).toBe("QUERY_TOO_LARGE");
    expect(tooLarge.body.errors?.[0]?.message).toMatch(/more database memory than one request may use/);
    expect(tooLarge.body.data?.people ?? null).toBeNull();
    expect(meanwhile.body.errors).toBeUndefined();
    await othersServed();
    // The same for two people of them fits.
    const small = await gql(server.url, wide(`{ id: { in: ["limits-wide1", "limits-wide2"] } }`), undefined, viewer);
    expect(small.body.errors).toBeUndefined();
    expect((small.body.data?.people as unknown[]).length).toBe(2);
  });
});

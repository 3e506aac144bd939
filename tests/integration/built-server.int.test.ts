import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { signToken } from "../../server/platform/auth/sign-token.js";
import type { Database } from "../../server/platform/neo4j/database.js";
import { connectTestDatabase, resetGraph } from "../helpers/neo4j.js";
import { projectRoot, waitFor } from "../helpers/processes.js";
import { codeOf, gql } from "../helpers/trust-requests.js";
import { bumpingTieVersion } from "../../server/platform/neo4j/tie-version.js";

/**
 * `npm start` runs the server compiled into dist/ (scripts/build-server.mjs) with plain node and the
 * V8 flags of package.json, not tsx. This builds it, starts the very command `npm start` ends with
 * against the test Neo4j, and checks what the compiling could break: type-graphql's decorators
 * (arguments with defaults, @Access), a generated query, the limits, auth, the schema files found
 * through dist/schema.
 */
let db: Database;
let app: ChildProcess | undefined;
let url = "";
let token = "";
let stderr = "";
const secret = "built-server-test-secret-0123456789abcdef";

/** The node arguments of the last step of `npm start`: ["--max-old-space-size=…", …, "dist/server/main.js"]. */
function startCommand(): string[] {
  const scripts = (
    JSON.parse(readFileSync(path.join(projectRoot, "package.json"), "utf8")) as { scripts: Record<string, string> }
  ).scripts;
  const last = scripts.start?.split("&&").pop()?.trim().split(/\s+/) ?? [];
  expect(last[0]).toBe("node");
  expect(last.at(-1)).toBe("dist/server/main.js");
  return last.slice(1);
}

beforeAll(async () => {
  db = await connectTestDatabase();
  await resetGraph(db);
  await db.write("UNWIND range(1, 3) AS i CREATE (:Institution {id: 'inst-' + i, name: 'Institution ' + i, kind: 'MBO'})");
  // The server accepts tokens only of accounts in the graph (AccountStates): the token below is this user's.
  await db.write(
    "CREATE (:User {id: 'built-test', email: 'built-test@werkplaats.test', name: 'Built test', roles: ['COORDINATOR'], disabled: false})",
  );
  const built = spawnSync(process.execPath, ["scripts/build-server.mjs", "--quiet"], { cwd: projectRoot, encoding: "utf8" });
  expect(built.status, built.stderr).toBe(0);

  const target = inject("neo4j");
  const child = spawn(process.execPath, startCommand(), {
    cwd: projectRoot,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "test",
      PORT: "0",
      HOST: "127.0.0.1",
      NEO4J_URI: target.uri,
      NEO4J_USERNAME: target.username ?? "neo4j",
      NEO4J_PASSWORD: target.password ?? "unused",
      NEO4J_DATABASE: target.database,
      JWT_SECRET: secret,
      SEED_DEMO: "false",
      EMBEDDING_REFRESH_MINUTES: "0",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  app = child;
  let out = "";
  child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  const ready = await waitFor(async () => /is running at (http:\/\/\S+\/)/.test(out) || child.exitCode !== null, 120_000);
  expect(ready && child.exitCode === null, `the built server did not start: ${stderr}`).toBe(true);
  url = /is running at (http:\/\/\S+\/)/.exec(out)?.[1] ?? "";
  token = (await signToken({ JWT_SECRET: secret, JWT_TTL: "1h", NODE_ENV: "test" }, { id: "built-test", roles: ["COORDINATOR"] }))
    .token;
}, 240_000);

afterAll(async () => {
  if (app && app.exitCode === null) {
    const exited = new Promise((resolve) => app?.once("exit", resolve));
    app.kill("SIGINT");
    await exited;
  }
  await db?.close();
});

describe("the server built into dist/", () => {
  it("answers type-graphql resolvers (argument defaults, access checks) and generated queries", async () => {
    const board = await gql(url, `{ caseBoard { totalCount cards { id } columns { status count } } }`, undefined, token);
    expect(board.body.errors).toBeUndefined();
    expect(board.body.data?.caseBoard).toMatchObject({ totalCount: 0, cards: [] });
    const status = await gql(url, `{ databaseStatus { reachable } }`, undefined, token);
    expect(status.body.data?.databaseStatus).toEqual({ reachable: true });
    const institutions = await gql(url, `{ institutions(sort: [{ id: DESC }], limit: 2) { id } }`, undefined, token);
    expect(institutions.body.data?.institutions).toEqual([{ id: "inst-3" }, { id: "inst-2" }]);
  });

  it("refreshes the embedding figures in a worker thread, with input errors reaching the client as from the API's own thread", async () => {
    // No workspace yet, and a threshold out of range: both are found inside the worker.
    const none = await gql(url, `mutation { refreshEmbedding { programmes } }`, undefined, token);
    expect(codeOf(none)).toBe("BAD_USER_INPUT");
    expect(none.body.errors?.[0]?.extensions?.field).toBe("workspace");
    await db.write(
      `CREATE (w:Workspace {id: 'ws-built', name: 'Werkplaats'})
       CREATE (:Person {id: 'coord-built', name: 'C'})-[:COORDINATOR_OF]->(w)
       CREATE (g:Programme {id: 'prog-built', name: 'P'})-[:OFFERED_BY]->(:Institution {id: 'inst-built', name: 'I', kind: 'HBO'})
       CREATE (:Person {id: 'teacher-built', name: 'T'})-[:TEACHES]->(:Course {id: 'course-built', name: 'K'})-[:PART_OF]->(g)`,
    );
    // With the tie version moved on, as the server's tie writers do (server/platform/neo4j/tie-version.ts).
    await db.write(
      bumpingTieVersion(
        "MATCH (c:Person {id: 'coord-built'}), (t:Person {id: 'teacher-built'}) CREATE (c)-[:KNOWS {strength: 0.9}]->(t)",
      ),
    );
    const bad = await gql(url, `mutation { refreshEmbedding(warmThreshold: 2) { programmes } }`, undefined, token);
    expect(codeOf(bad)).toBe("BAD_USER_INPUT");
    expect(bad.body.errors?.[0]?.extensions?.field).toBe("warmThreshold");
    const done = await gql(url, `mutation { refreshEmbedding { workspaceId programmes institutions } }`, undefined, token);
    expect(done.body.errors).toBeUndefined();
    expect(done.body.data?.refreshEmbedding).toEqual({ workspaceId: "ws-built", programmes: 1, institutions: 4 });
    const stored = await db.read(
      "MATCH (s:EmbeddingSnapshot {targetId: 'prog-built'}) RETURN s.threads AS threads, s.level AS level",
    );
    expect(stored).toEqual([{ threads: 1, level: 1 }]);
  });

  it("keeps the rules: anonymous callers refused, page size limited, compact JSON without an ETag", async () => {
    const anonymous = await gql(url, `{ caseBoard { totalCount } }`);
    expect(codeOf(anonymous)).toBe("UNAUTHENTICATED");
    const tooLarge = await gql(url, `{ institutions(limit: 100000) { id } }`, undefined, token);
    expect(codeOf(tooLarge)).toBe("PAGE_TOO_LARGE");
    const plain = await gql(url, `{ institutions(sort: [{ id: ASC }], limit: 1) { id } }`, undefined, token);
    expect(plain.text.trim()).toBe(`{"data":{"institutions":[{"id":"inst-1"}]}}`);
    expect(plain.headers.get("etag")).toBeNull();
  });
});

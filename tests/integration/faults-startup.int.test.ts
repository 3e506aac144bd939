import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { loadConfig } from "../../server/platform/config.js";
import { DatabaseConnectionError } from "../../server/platform/neo4j/database.js";
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from "../../server/platform/neo4j/embedded.js";
import { startProduct, type RunningProduct } from "../../server/app/start.js";
import { testJvmOptions } from "../helpers/neo4j.js";
import { freePort, waitFor } from "../helpers/processes.js";
import { codeOf, gql } from "../helpers/trust-requests.js";

/**
 * An external Neo4j that is not there at start: the product retries with back-off, says so in
 * the log and on /health, answers GraphQL with SERVICE_UNAVAILABLE meanwhile, and comes up by
 * itself when Neo4j does — or gives up after NEO4J_CONNECT_TIMEOUT_MS with one clear line.
 */
const config = loadConfig();
const home = mkdtempSync(path.join(os.tmpdir(), "werkplaats-faults-start-"));
let neo4j: EmbeddedNeo4j | undefined;
let product: RunningProduct | undefined;

afterAll(async () => {
  vi.restoreAllMocks();
  await product?.stop().catch(() => {});
  await neo4j?.stop().catch(() => {});
  rmSync(home, { recursive: true, force: true });
});

function captureStderr(): string[] {
  const lines: string[] = [];
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  return lines;
}

describe("starting on an external Neo4j that is not reachable", () => {
  it("retries with back-off and gives up after NEO4J_CONNECT_TIMEOUT_MS with one clear message", async () => {
    const lines = captureStderr();
    const bolt = await freePort();
    const started = Date.now();
    const error = await startProduct(
      loadConfig({
        NODE_ENV: "test",
        PORT: "0",
        NEO4J_URI: `bolt://127.0.0.1:${bolt}`,
        NEO4J_CONNECT_TIMEOUT_MS: "3000",
        SEED_DEMO: "false",
      }),
    ).catch((e: unknown) => e);
    vi.restoreAllMocks();
    expect(error).toBeInstanceOf(DatabaseConnectionError);
    expect((error as DatabaseConnectionError).message).toMatch(
      new RegExp(`^Neo4j at bolt://127.0.0.1:${bolt} is not reachable: start it`),
    );
    expect(Date.now() - started).toBeGreaterThan(1_400); // it waited 0.5 s + 1 s at least
    const retries = lines.filter((l) => /is not reachable \(attempt \d+\); retrying in \d+\.\d s/.test(l));
    expect(retries.length).toBeGreaterThanOrEqual(2);
  });

  it("serves /health as degraded meanwhile, and comes up by itself when Neo4j does", async () => {
    const bolt = await freePort();
    const port = await freePort();
    const starting = startProduct(
      loadConfig({
        NODE_ENV: "test",
        PORT: String(port),
        HOST: "127.0.0.1",
        NEO4J_URI: `bolt://127.0.0.1:${bolt}`,
        NEO4J_PASSWORD: "unused",
        NEO4J_CONNECT_TIMEOUT_MS: "240000",
        SEED_DEMO: "false",
      }),
    );
    const url = `http://127.0.0.1:${port}/`;
    let health: { status?: string; neo4j?: { state?: string; attempts?: number } } = {};
    expect(
      await waitFor(async () => {
        const response = await fetch(`${url}health`).catch(() => undefined);
        if (!response) return false;
        health = (await response.json()) as typeof health;
        return response.status === 503 && (health.neo4j?.attempts ?? 0) >= 2;
      }, 30_000),
    ).toBe(true);
    expect(health).toMatchObject({ status: "degraded", neo4j: { reachable: false, state: "starting", reason: "not reachable" } });
    const meanwhile = await gql(
      url,
      `mutation { login(email: "admin@werkplaats.example", password: "demo-admin-werkplaats") { token } }`,
    );
    expect(codeOf(meanwhile)).toBe("SERVICE_UNAVAILABLE");

    neo4j = await startEmbeddedNeo4j({
      home,
      runtimeDir: config.NEO4J_RUNTIME_DIR,
      boltPort: bolt,
      heap: "512m",
      pagecache: "64m",
      startTimeoutMs: 240_000,
      jvmOptions: testJvmOptions(),
    });
    product = await starting;
    expect((await fetch(`${url}health`)).status).toBe(200);
    const login = await gql(
      url,
      `mutation { login(email: "admin@werkplaats.example", password: "demo-admin-werkplaats") { token } }`,
    );
    expect(login.body.errors).toBeUndefined();
  });
});

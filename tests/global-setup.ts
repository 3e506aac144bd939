import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import type { ProvidedContext } from "vitest";
import type { TestProject } from "vitest/node";
import { loadConfig } from "../server/platform/config.js";
import { ensureConstraints } from "../server/platform/neo4j/constraints.js";
import { connectDatabase } from "../server/platform/neo4j/database.js";
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from "../server/platform/neo4j/embedded.js";

/**
 * Gives the run a real Neo4j. With NEO4J_URI set, that server is used (the tests empty it, and
 * refuse to touch one holding data they did not create). Otherwise a throw-away embedded Neo4j is
 * started on a free port with its own temporary data folder, so `npm start`'s data is never touched.
 */
declare module "vitest" {
  export interface ProvidedContext {
    neo4j: { uri: string; username: string; password: string; database: string; noAuth: boolean; embedded: boolean };
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

type Target = ProvidedContext["neo4j"];

/**
 * The projects that need Neo4j (int, e2e) each name this file as their global setup, and
 * vitest runs it once per project in the one main process: the first call starts Neo4j, the others
 * share it (kept on globalThis, since each project loads this module on its own), and the last
 * teardown stops it. A run of the unit tier alone never calls it.
 */
interface Shared {
  users: number;
  target: Promise<Target>;
  /** The run's graph lock (tests/helpers/graph-lock.ts). */
  lockDir: string;
  embedded?: EmbeddedNeo4j;
  home?: string;
}
const holder = globalThis as typeof globalThis & { __werkplaatsTestNeo4j?: Shared };

async function start(shared: Shared): Promise<Target> {
  const config = loadConfig();
  let target: Target;
  if (config.NEO4J_URI) {
    target = {
      uri: config.NEO4J_URI,
      username: config.NEO4J_USERNAME,
      password: config.NEO4J_PASSWORD,
      database: config.NEO4J_DATABASE,
      noAuth: false,
      embedded: false,
    };
  } else {
    shared.home = mkdtempSync(path.join(os.tmpdir(), "werkplaats-test-neo4j-"));
    const started = Date.now();
    shared.embedded = await startEmbeddedNeo4j({
      home: shared.home,
      runtimeDir: config.NEO4J_RUNTIME_DIR,
      boltPort: await freePort(),
      heap: "1g",
      pagecache: "256m",
      startTimeoutMs: config.NEO4J_START_TIMEOUT_MS,
      javaHome: config.JAVA_HOME,
      onProgress: (line) => process.stderr.write(`[test neo4j] ${line}\n`),
    });
    process.stderr.write(
      `[test neo4j] Neo4j ${shared.embedded.version} ready at ${shared.embedded.uri} in ${Date.now() - started} ms\n`,
    );
    target = { uri: shared.embedded.uri, username: "neo4j", password: "", database: "neo4j", noAuth: true, embedded: true };
  }
  // Constraints once for the run on the throw-away Neo4j: files that run side by side must not create
  // them at the same time. (On NEO4J_URI, resetGraph/ownScope check the database is a test one first.)
  if (target.embedded) {
    const db = await connectDatabase(target);
    try {
      await ensureConstraints(db);
    } finally {
      await db.close();
    }
  }
  return target;
}

export async function setup(project: TestProject): Promise<void> {
  let shared = holder.__werkplaatsTestNeo4j;
  if (!shared) {
    shared = {
      users: 0,
      target: Promise.resolve(undefined as never),
      lockDir: mkdtempSync(path.join(os.tmpdir(), "werkplaats-test-lock-")),
    };
    shared.target = start(shared);
    holder.__werkplaatsTestNeo4j = shared;
  }
  shared.users += 1;
  project.provide("graphLockDir", shared.lockDir);
  project.provide("neo4j", await shared.target);
}

export async function teardown(): Promise<void> {
  const shared = holder.__werkplaatsTestNeo4j;
  if (!shared) return;
  shared.users -= 1;
  if (shared.users > 0) return;
  holder.__werkplaatsTestNeo4j = undefined;
  rmSync(shared.lockDir, { recursive: true, force: true });
  await shared.embedded?.stop();
  if (shared.home) rmSync(shared.home, { recursive: true, force: true });
}

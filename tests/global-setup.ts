import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { loadConfig } from "../server/platform/config.js";
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

let embedded: EmbeddedNeo4j | undefined;
let home: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  const config = loadConfig();
  if (config.NEO4J_URI) {
    project.provide("neo4j", {
      uri: config.NEO4J_URI,
      username: config.NEO4J_USERNAME,
      password: config.NEO4J_PASSWORD,
      database: config.NEO4J_DATABASE,
      noAuth: false,
      embedded: false,
    });
    return;
  }
  home = mkdtempSync(path.join(os.tmpdir(), "werkplaats-test-neo4j-"));
  const started = Date.now();
  embedded = await startEmbeddedNeo4j({
    home,
    runtimeDir: config.NEO4J_RUNTIME_DIR,
    boltPort: await freePort(),
    heap: "1g",
    pagecache: "256m",
    startTimeoutMs: config.NEO4J_START_TIMEOUT_MS,
    javaHome: config.JAVA_HOME,
    onProgress: (line) => process.stderr.write(`[test neo4j] ${line}\n`),
  });
  process.stderr.write(`[test neo4j] Neo4j ${embedded.version} ready at ${embedded.uri} in ${Date.now() - started} ms\n`);
  project.provide("neo4j", {
    uri: embedded.uri,
    username: "neo4j",
    password: "",
    database: "neo4j",
    noAuth: true,
    embedded: true,
  });
}

export async function teardown(): Promise<void> {
  await embedded?.stop();
  if (home) rmSync(home, { recursive: true, force: true });
}

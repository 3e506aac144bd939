import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../server/platform/config.js";
import { connectDatabase } from "../../server/platform/neo4j/database.js";
import { checkJava, startEmbeddedNeo4j, type EmbeddedNeo4jOptions } from "../../server/platform/neo4j/embedded.js";
import { testJvmOptions, testJvmOptionsEnv } from "../helpers/neo4j.js";
import { builtEntry, freePort, occupyPort, portIsFree, projectRoot, waitFor } from "../helpers/processes.js";

/** The launcher's promises: clear failures, no orphans, the store lock released. Own instances, own folders. */
const config = loadConfig();
const homes: string[] = [];

function tempHome(): string {
  const home = mkdtempSync(path.join(os.tmpdir(), "werkplaats-launcher-test-"));
  homes.push(home);
  return home;
}

function options(home: string, boltPort: number, extra: Partial<EmbeddedNeo4jOptions> = {}): EmbeddedNeo4jOptions {
  return {
    home,
    runtimeDir: config.NEO4J_RUNTIME_DIR,
    boltPort,
    heap: "512m",
    pagecache: "64m",
    startTimeoutMs: 120_000,
    jvmOptions: testJvmOptions(),
    ...extra,
  };
}

afterAll(() => {
  for (const home of homes) rmSync(home, { recursive: true, force: true });
});

describe("the embedded Neo4j launcher", () => {
  it("says in one line that Java is missing", () => {
    expect(() => checkJava("/nonexistent-java-home")).toThrowError(/^Java 17 or newer is needed .* was not found: install it/);
  });

  it("refuses a Bolt port that is already taken, naming the port and what to do", async () => {
    const port = await freePort();
    const holder = await occupyPort(port);
    try {
      await expect(startEmbeddedNeo4j(options(tempHome(), port))).rejects.toMatchObject({
        code: "PORT_IN_USE",
        message: expect.stringMatching(new RegExp(`port ${port} on 127.0.0.1 is already in use; .*NEO4J_BOLT_PORT`)),
      });
    } finally {
      holder.close();
    }
  });

  it("reports a wrong password and a locked data folder clearly", async () => {
    const home = tempHome();
    const port = await freePort();
    const secured = await startEmbeddedNeo4j(options(home, port, { settings: { "dbms.security.auth_enabled": "true" } }));
    try {
      await expect(
        connectDatabase({ uri: secured.uri, username: "neo4j", password: "not-the-password", database: "neo4j" }),
      ).rejects.toMatchObject({
        code: "AUTH_FAILED",
        message: expect.stringMatching(/refused the credentials: check NEO4J_USERNAME and NEO4J_PASSWORD/),
      });

      // A second Neo4j on the same data folder must not start: the store is locked.
      await expect(startEmbeddedNeo4j(options(home, await freePort()))).rejects.toMatchObject({
        code: "STORE_LOCKED",
        message: expect.stringMatching(/is locked by another Neo4j process/),
      });
    } finally {
      await secured.stop();
    }
    expect(await portIsFree(port)).toBe(true);
  });

  it("leaves no orphan when the app is killed: the port and the store lock are released", async () => {
    const home = tempHome();
    const port = await freePort();
    const app = spawn(
      process.execPath,
      [...(await builtEntry("server/platform/neo4j/cli.ts")), "--home", home, "--port", String(port)],
      {
        cwd: projectRoot,
        env: {
          ...process.env,
          NEO4J_RUNTIME_DIR: config.NEO4J_RUNTIME_DIR,
          NEO4J_HEAP: "512m",
          NEO4J_PAGECACHE: "64m",
          ...testJvmOptionsEnv(),
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    app.stdout.on("data", (d: Buffer) => (out += d.toString()));
    expect(await waitFor(async () => out.includes("ready at"), 120_000)).toBe(true);
    expect(await portIsFree(port)).toBe(false);

    app.kill("SIGKILL"); // no chance to clean up: the launcher must notice by itself
    expect(await waitFor(() => portIsFree(port), 60_000)).toBe(true);

    // The store lock is gone too: a new Neo4j opens the same folder and sees a consistent store.
    const again = await startEmbeddedNeo4j(options(home, await freePort()));
    await again.stop();
    expect(existsSync(path.join(home, "data/databases/neo4j"))).toBe(true);
  });
});

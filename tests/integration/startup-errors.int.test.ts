import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { freePort, occupyPort, runScript, type RunResult } from "../helpers/processes.js";

/**
 * Each bad configuration of `npm start` ends in one clear line that says what to do, exit code 1,
 * and no stack trace. These run the real entry point in a child process.
 */
const scratch = mkdtempSync(path.join(os.tmpdir(), "werkplaats-startup-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const baseEnv = { PATH: process.env.PATH, HOME: process.env.HOME, SEED_DEMO: "false", PORT: "0" };

function expectOneClearLine(result: RunResult, pattern: RegExp): void {
  expect(result.code).toBe(1);
  const lines = result.stderr.trim().split("\n");
  expect(lines.at(-1)).toMatch(pattern);
  expect(result.stderr).not.toMatch(/^\s+at /m); // no stack trace
}

describe("npm start with a bad configuration", () => {
  it("names the variable and the rule when a value is invalid", async () => {
    const result = await runScript("server/main.ts", { ...baseEnv, PORT: "eighty" });
    expectOneClearLine(result, /^Configuration: PORT /);
  });

  it("rejects a NEO4J_URI with an unknown scheme", async () => {
    const result = await runScript("server/main.ts", { ...baseEnv, NEO4J_URI: "http://localhost:7474" });
    expectOneClearLine(result, /^Configuration: NEO4J_URI must start with bolt:\/\/, neo4j:\/\/ or neo4j\+s:\/\//);
  });

  it("says Java is missing", async () => {
    const result = await runScript("server/main.ts", { ...baseEnv, JAVA_HOME: path.join(scratch, "no-java") });
    expectOneClearLine(
      result,
      /^Java 17 or newer is needed for the embedded Neo4j and was not found: install it .* or set NEO4J_URI/,
    );
  });

  it("says Maven is missing when the jars have not been resolved yet", async () => {
    // A PATH with node and java but no mvn, and an empty runtime cache.
    const bin = path.join(scratch, "bin");
    rmSync(bin, { recursive: true, force: true });
    const { mkdirSync } = await import("node:fs");
    mkdirSync(bin);
    symlinkSync(process.execPath, path.join(bin, "node"));
    symlinkSync("/usr/bin/java", path.join(bin, "java"));
    const result = await runScript("server/main.ts", {
      ...baseEnv,
      PATH: bin,
      NEO4J_RUNTIME_DIR: path.join(scratch, "empty-runtime"),
      NEO4J_HOME: path.join(scratch, "data"),
    });
    expectOneClearLine(result, /^Maven is needed once to fetch Neo4j .* not found: install it .* or set NEO4J_URI/);
  });

  it("says an external Neo4j is unreachable", async () => {
    const port = await freePort();
    // It retries for NEO4J_CONNECT_TIMEOUT_MS first (30 s by default, idle): 3 s say the same.
    const result = await runScript("server/main.ts", {
      ...baseEnv,
      NEO4J_URI: `bolt://127.0.0.1:${port}`,
      NEO4J_CONNECT_TIMEOUT_MS: "3000",
    });
    expectOneClearLine(
      result,
      new RegExp(`^Neo4j at bolt://127.0.0.1:${port} is not reachable: start it, check NEO4J_URI, or unset NEO4J_URI`),
    );
  });

  it("says the HTTP port is taken", async () => {
    const target = inject("neo4j");
    const port = await freePort();
    const holder = await occupyPort(port);
    try {
      const result = await runScript("server/main.ts", {
        ...baseEnv,
        PORT: String(port),
        NEO4J_URI: target.uri,
        NEO4J_USERNAME: target.username,
        NEO4J_PASSWORD: target.password || "unused",
      });
      expectOneClearLine(result, new RegExp(`^Port ${port} on 127.0.0.1 is already in use: stop what holds it or set PORT`));
    } finally {
      holder.close();
    }
  });
});

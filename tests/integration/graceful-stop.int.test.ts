import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { testJvmOptionsEnv } from "../helpers/neo4j.js";
import { builtEntry, freePort, portIsFree, projectRoot, waitFor } from "../helpers/processes.js";

/**
 * Ctrl-C on `npm start` (outside test mode, as a person runs it) stops the app and its Neo4j
 * cleanly and promptly: exit code 0, "Stopped." logged, the Bolt port released. Before that, the
 * embedded Neo4j's JVM is killed (kill -9): the supervisor restarts it and /health turns green again
 * without anyone acting (README "Operations"); the stop then stops the restarted JVM.
 */
const home = mkdtempSync(path.join(os.tmpdir(), "werkplaats-stop-test-"));
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe("stopping npm start", () => {
  it("restarts a killed Neo4j by itself; SIGINT drains, closes the driver and stops Neo4j well within the 60 s guard", async () => {
    const bolt = await freePort();
    const app = spawn(process.execPath, await builtEntry("server/main.ts"), {
      cwd: projectRoot,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NEO4J_HOME: home,
        NEO4J_BOLT_PORT: String(bolt),
        PORT: "0",
        SEED_DEMO: "false",
        NEO4J_HEAP: "512m",
        NEO4J_PAGECACHE: "64m",
        ...testJvmOptionsEnv(),
        NEO4J_RESTART_BACKOFF_MS: "200",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    app.stdout.on("data", (d: Buffer) => (out += d.toString()));
    app.stderr.on("data", (d: Buffer) => (err += d.toString()));
    const exited = new Promise<number | null>((resolve) => app.on("exit", (code) => resolve(code)));
    expect(await waitFor(async () => out.includes("is running at"), 180_000)).toBe(true);
    const url = /is running at (\S+)/.exec(out)?.[1] ?? "";
    const health = async (): Promise<number> => (await fetch(`${url}health`).catch(() => undefined))?.status ?? 0;
    expect(await health()).toBe(200);

    // The JVM is the app's child; kill it as the kernel's OOM killer or a person would.
    const jvm = Number(
      execFileSync("pgrep", ["-P", String(app.pid), "java"], { encoding: "utf8" })
        .trim()
        .split("\n")[0],
    );
    process.kill(jvm, "SIGKILL");
    expect(await waitFor(async () => (await health()) === 503, 10_000, 50)).toBe(true);
    expect(await waitFor(async () => (await health()) === 200, 180_000, 250)).toBe(true);
    expect(err).toMatch(new RegExp(`embedded Neo4j \\(pid ${jvm}\\) was killed \\(SIGKILL\\); restarting it in 200 ms`));
    expect(err).toContain("Embedded Neo4j restarted");

    const asked = Date.now();
    app.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(Date.now() - asked).toBeLessThan(45_000);
    expect(err).toContain("Stopped.");
    expect(err).not.toContain("Shutdown took longer");
    expect(await waitFor(() => portIsFree(bolt), 10_000)).toBe(true);
  }, 300_000);
});

import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, portIsFree, projectRoot, waitFor } from "../helpers/processes.js";

/**
 * Ctrl-C on `npm start` (outside test mode, as a person runs it) stops the app and its Neo4j
 * cleanly and promptly: exit code 0, "Stopped." logged, the Bolt port released.
 */
const home = mkdtempSync(path.join(os.tmpdir(), "werkplaats-stop-test-"));
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe("stopping npm start", () => {
  it("SIGINT drains, closes the driver and stops Neo4j well within the 60 s guard", async () => {
    const bolt = await freePort();
    const app = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
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
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    app.stdout.on("data", (d: Buffer) => (out += d.toString()));
    app.stderr.on("data", (d: Buffer) => (err += d.toString()));
    const exited = new Promise<number | null>((resolve) => app.on("exit", (code) => resolve(code)));
    expect(await waitFor(async () => out.includes("is running at"), 180_000)).toBe(true);

    const asked = Date.now();
    app.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(Date.now() - asked).toBeLessThan(45_000);
    expect(err).toContain("Stopped.");
    expect(err).not.toContain("Shutdown took longer");
    expect(await waitFor(() => portIsFree(bolt), 10_000)).toBe(true);
  }, 300_000);
});

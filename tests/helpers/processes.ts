import { execFile, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { createServer, type Server } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { inject } from "vitest";

export const projectRoot = fileURLToPath(new URL("../../", import.meta.url));

let built: Promise<string> | undefined;
const buildPrefix = "werkplaats-test-build-";

/**
 * The project compiled as `npm start` runs it (scripts/build-server.mjs: plain JavaScript, node alone, no tsx), built
 * once per test process into a folder of its own: dist/ itself is rebuilt (removed first) by built-server and
 * network-embedding-scale, which may run beside a process test. Through tsx each child process transpiled and loaded
 * the server's TypeScript again (~2–3 CPU-s a child, 11 children in the process tests). The folder holds a link to
 * node_modules (packages resolve from there). It goes into the run's folder for builds, which the global setup's teardown
 * removes (tests/global-setup.ts); vitest ends its workers with SIGTERM (no "exit" event), so a run cut short leaves its
 * folder behind, and each build removes those of processes that are gone (named after the run's or the process's id).
 */
export function builtProject(): Promise<string> {
  built ??= new Promise((resolve, reject) => {
    for (const name of readdirSync(os.tmpdir())) {
      const pid = Number(/^werkplaats-test-builds?-(\d+)-/.exec(name)?.[1]);
      if (pid && pid !== process.pid && !processAlive(pid))
        rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
    }
    // In the run's folder for builds (removed at its end, tests/global-setup.ts); a run without the global setup (a unit
    // file) builds beside them in the temporary folder.
    const runBuilds = inject("testBuildsDir");
    const outdir = mkdtempSync(
      path.join(runBuilds && existsSync(runBuilds) ? runBuilds : os.tmpdir(), `${buildPrefix}${process.pid}-`),
    );
    execFile(
      process.execPath,
      ["scripts/build-server.mjs", "--quiet", "--outdir", outdir],
      { cwd: projectRoot, encoding: "utf8" },
      (error, _stdout, stderr) => {
        if (error) return reject(new Error(`building the server failed: ${stderr || error.message}`));
        symlinkSync(path.join(projectRoot, "node_modules"), path.join(outdir, "node_modules"), "junction");
        resolve(outdir);
      },
    );
  });
  return built;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The node arguments that run a TypeScript entry point of the project ("server/main.ts") from its build. */
export async function builtEntry(entry: string): Promise<string[]> {
  return [path.join(await builtProject(), entry.replace(/\.ts$/, ".js"))];
}

/**
 * The analytics worker thread's module from the build (builtProject), for AnalyticsWorker's `threadModule`: a start from
 * the TypeScript sources through tsx's loader took ~1.5 CPU-s and 2.2–3.6 s wall, the compiled one ~0.65 CPU-s and
 * 0.75–1.0 s, and every test server whose requests reach the analytics starts one. Undefined with
 * TEST_WORKER_FROM_SOURCES=1: then the worker runs from the sources as before.
 */
export async function analyticsThreadModule(): Promise<URL | undefined> {
  if (process.env.TEST_WORKER_FROM_SOURCES === "1") return undefined;
  return pathToFileURL(path.join(await builtProject(), "server/domains/network/analytics-worker-thread.js"));
}

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  const server = await occupyPort(0);
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Holds a port (for "port already taken" tests) until the returned server is closed. */
export async function occupyPort(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}

export async function portIsFree(port: number): Promise<boolean> {
  try {
    const server = await occupyPort(port);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return true;
  } catch {
    return false;
  }
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a TypeScript entry point of the project (as `npm start` would: compiled, builtEntry) with the given environment. */
export async function runScript(entry: string, env: Record<string, string | undefined>, timeoutMs = 120_000): Promise<RunResult> {
  const args = await builtEntry(entry);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: projectRoot,
      env: env as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${entry} did not exit within ${timeoutMs} ms; stderr: ${stderr}`));
    }, timeoutMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, intervalMs = 250): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  return check();
}

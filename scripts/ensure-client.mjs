// Builds the client (client/dist) when it is missing or older than its sources, so `npm start`
// always serves the current client without rebuilding on every start. `--force` always builds.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const client = path.join(root, "client");
const builtIndex = path.join(client, "dist", "index.html");
const sources = [path.join(client, "src"), path.join(client, "index.html"), path.join(client, "vite.config.ts")];

/** The newest modification time under a file or folder. */
function newest(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(target)) latest = Math.max(latest, newest(path.join(target, entry)));
  return latest;
}

export function clientIsStale() {
  if (!existsSync(builtIndex)) return true;
  const built = statSync(builtIndex).mtimeMs;
  return sources.some((s) => newest(s) > built);
}

const vite = path.join(root, "node_modules", "vite", "bin", "vite.js");
const viteBuild = [vite, "build", client, "--logLevel", "warn"];

export function buildClient() {
  const result = spawnSync(process.execPath, viteBuild, { cwd: root, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`Building the client failed (vite exited with ${result.status}).`);
}

/** The same build in the background: the browser tests load the demo data meanwhile (tests/e2e/support). */
export function buildClientInBackground() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, viteBuild, { cwd: root, stdio: "inherit" });
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`Building the client failed (vite exited with ${code}).`)),
    );
  });
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const force = process.argv.includes("--force");
  if (force || clientIsStale()) {
    process.stderr.write("Building the client (client/dist)…\n");
    const started = Date.now();
    try {
      buildClient();
    } catch (error) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    process.stderr.write(`Client built in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
  }
}

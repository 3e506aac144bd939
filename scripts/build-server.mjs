// `npm run build`: the server as plain JavaScript in dist/, so `npm start` runs it with node alone —
// without tsx's loader thread and on-the-fly transpiling, which cost ~50 MB of resident memory
// (docs/performance.md). The same esbuild transform tsx and vitest apply, with the same tsconfig
// (experimentalDecorators, no decorator metadata), file by file: dist/server/x.js for server/x.ts.
// Files found next to the code through import.meta.url (schema/, client/dist, the Neo4j launcher, the starter vocabulary)
// are linked into dist/ at the same relative places. Takes well under a second.
import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.join(root, "dist");
/** The folders whose TypeScript the server (and the benchmark's API process) loads. */
const sourceDirs = ["server", "seed", "bench"];
/** Not TypeScript for node: the Java launcher of the embedded Neo4j. */
const skipped = new Set([path.join(root, "server", "platform", "neo4j", "launcher")]);
/** Read at run time relative to the module that reads them: linked, not copied, so they stay current. */
const links = ["schema", "client", "server/platform/neo4j/launcher", "seed/vocabulary"];

function typescriptFiles(dir) {
  if (skipped.has(dir) || !existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" || entry.name.startsWith(".") ? [] : typescriptFiles(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

/** Into dist/, or into `outdir` (`--outdir <dir>`): the tests' child processes run a build of their own (tests/helpers/processes.ts). */
export async function buildServer(outdir = dist) {
  const started = Date.now();
  rmSync(outdir, { recursive: true, force: true });
  const entryPoints = sourceDirs.flatMap((dir) => typescriptFiles(path.join(root, dir)));
  await build({
    entryPoints,
    outdir,
    outbase: root,
    bundle: false,
    format: "esm",
    platform: "node",
    target: "node20",
    tsconfig: path.join(root, "tsconfig.json"),
    // Linked, not inline: node reads them only with --enable-source-maps.
    sourcemap: "linked",
    logLevel: "warning",
  });
  for (const link of links) {
    const at = path.join(outdir, link);
    mkdirSync(path.dirname(at), { recursive: true });
    symlinkSync(path.relative(path.dirname(at), path.join(root, link)), at, "junction");
  }
  return { files: entryPoints.length, ms: Date.now() - started };
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const at = process.argv.indexOf("--outdir");
  buildServer(at > 0 ? path.resolve(process.argv[at + 1]) : dist)
    .then(({ files, ms }) => {
      if (process.argv.includes("--quiet")) return;
      process.stderr.write(`Built the server: ${files} files into ${at > 0 ? process.argv[at + 1] : "dist/"} in ${ms} ms.\n`);
    })
    .catch((error) => {
      process.stderr.write(`Building the server failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
}

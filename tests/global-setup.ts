import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import type { ProvidedContext } from "vitest";
import type { TestProject } from "vitest/node";
import { loadConfig, type Config } from "../server/platform/config.js";
import { ensureConstraints } from "../server/platform/neo4j/constraints.js";
import { connectDatabase } from "../server/platform/neo4j/database.js";
import { ensureRuntime, startEmbeddedNeo4j, type EmbeddedNeo4j } from "../server/platform/neo4j/embedded.js";
import { buildClientInBackground, clientIsStale } from "../scripts/ensure-client.mjs";

/**
 * Gives the run a real Neo4j. With NEO4J_URI set, that server is used (the tests empty it, and
 * refuse to touch one holding data they did not create). Otherwise a throw-away embedded Neo4j is
 * started on a free port with its own temporary data folder, so `npm start`'s data is never touched.
 */
declare module "vitest" {
  export interface ProvidedContext {
    neo4j: { uri: string; username: string; password: string; database: string; noAuth: boolean; embedded: boolean };
    /** For the Neo4j JVMs test files start of their own (tests/helpers/neo4j.ts testJvmOptions). */
    neo4jJvmOptions: string[];
    /** Where their class-data-sharing archive is once made (used when the file is there). */
    neo4jClassArchive: string;
    /**
     * The file that says how the client build this setup started ended ("ok" or why not; see `startClientBuild`), or ""
     * when it started none (client/dist was up to date).
     */
    clientBuildMarker: string;
    /**
     * Where the test processes put their builds of the server (tests/helpers/processes.ts builtProject), one folder per
     * process; removed with everything in it at the run's end.
     */
    testBuildsDir: string;
  }
}

/**
 * The Neo4j JVMs that test files start of their own (launcher failures, faults, bulk import, `npm
 * start`) live seconds and are CPU-bound on a busy 2-core machine: the client compiler only (no C2,
 * whose compiling outlives them), the serial collector (no G1 threads), and the classes Neo4j loads
 * at start mapped from a class-data-sharing archive instead of read, verified and parsed from ~200
 * jars each time: together a third of a start's CPU time (docs/performance.md "The test suite's
 * time"). The run's own Neo4j, which serves every file for minutes, keeps the product's defaults.
 */
const quickStartJvmOptions = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"];

/**
 * The class-data-sharing archive of a Neo4j start with quickStartJvmOptions, kept in the runtime cache
 * (NEO4J_RUNTIME_DIR, across runs) and named after what it depends on: the jars, the launcher, the
 * Java build, the options. A JVM that finds it unusable says so in its log and starts without it.
 */
function classArchivePath(config: Config): string {
  ensureRuntime(config.NEO4J_RUNTIME_DIR); // synchronous: Maven runs here at most once
  const runtimeDir = path.resolve(config.NEO4J_RUNTIME_DIR);
  const java = spawnSync(config.JAVA_HOME ? path.join(config.JAVA_HOME, "bin", "java") : "java", ["-version"], {
    encoding: "utf8",
  });
  const key = createHash("sha256")
    .update(readFileSync(path.join(runtimeDir, "classpath.txt")))
    .update(readFileSync(path.join(runtimeDir, "stamp.txt")))
    .update(`${java.stderr}${java.stdout}`)
    .update(quickStartJvmOptions.join(" "))
    .digest("hex")
    .slice(0, 16);
  return path.join(runtimeDir, `test-classes-${key}.jsa`);
}

/**
 * Makes the archive when it is missing, by one Neo4j start and stop under -XX:ArchiveClassesAtExit,
 * in the background of the run (a minute on a busy machine; the test starts before it is there go
 * without). Never fails the run: without the archive test starts are only slower.
 */
async function makeClassArchive(config: Config, archive: string): Promise<void> {
  if (existsSync(archive)) return;
  const runtimeDir = path.dirname(archive);
  for (const old of readdirSync(runtimeDir).filter((name) => /^test-classes-.*\.jsa/.test(name))) {
    rmSync(path.join(runtimeDir, old), { force: true });
  }
  const started = Date.now();
  const home = mkdtempSync(path.join(os.tmpdir(), "werkplaats-test-cds-"));
  const written = `${archive}.${process.pid}.tmp`;
  try {
    const neo4j = await startEmbeddedNeo4j({
      home,
      runtimeDir,
      boltPort: await freePort(),
      heap: "512m",
      pagecache: "64m",
      startTimeoutMs: config.NEO4J_START_TIMEOUT_MS,
      javaHome: config.JAVA_HOME,
      jvmOptions: [...quickStartJvmOptions, `-XX:ArchiveClassesAtExit=${written}`],
    });
    await neo4j.stop(); // the JVM writes the archive as it exits
    if (!existsSync(written)) throw new Error("the JVM wrote no archive");
    renameSync(written, archive);
    process.stderr.write(`[test neo4j] class-data-sharing archive for test Neo4j starts made in ${Date.now() - started} ms\n`);
  } catch (error) {
    process.stderr.write(`[test neo4j] no class-data-sharing archive (${String(error)}); test Neo4j starts are slower\n`);
  } finally {
    rmSync(home, { recursive: true, force: true });
    rmSync(written, { force: true });
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
  classArchive: string;
  /** Making the archive, after the run's Neo4j is up; the teardown waits for it (no JVM left behind). */
  makingClassArchive: Promise<void>;
  /** The run's graph lock (tests/helpers/graph-lock.ts). */
  lockDir: string;
  /** The test processes' builds of the server (ProvidedContext testBuildsDir). */
  buildsDir: string;
  /** The client build started for the browser tests, if one was; the teardown waits for it (no process left behind). */
  clientBuild?: { marker: string; done: Promise<void> };
  embedded?: EmbeddedNeo4j;
  home?: string;
}
const holder = globalThis as typeof globalThis & { __werkplaatsTestNeo4j?: Shared };

/**
 * Plans are kept for the run. Neo4j plans a statement again once the counts it was planned on moved more than 75 %,
 * at most every 10 s (`dbms.cypher.min_replan_interval`); on a test graph where files side by side add and remove
 * their few nodes, every count moves that much all the time, so the big statements (warm paths, embedding, the
 * ladder) were planned again and again at 0.8–4 CPU-s each — most of the Neo4j CPU of the warm-path files, whose own
 * searches take 13–100 ms (docs/performance.md, "The test suite's time", session 12). The statements whose plan
 * matters at scale pin it with hints. `TEST_NEO4J_REPLAN_INTERVAL=10s` gives Neo4j's default back.
 *
 * Neo4j 5 also keys its plan cache on the sizes of list and string parameters (`internal.cypher.use_parameter_size`,
 * on by default): a warm-path search from one person and the same search from two are planned apart, 1–3 CPU-s each.
 * The tests draw those sizes at random, so off for the run (a new parameter type — an empty list, then a list of
 * strings — still plans anew); `TEST_NEO4J_PARAMETER_SIZES=true` gives the default back.
 */
function testPlanSettings(): Record<string, string> {
  return {
    "dbms.cypher.min_replan_interval": process.env.TEST_NEO4J_REPLAN_INTERVAL ?? "1h",
    "internal.cypher.use_parameter_size": process.env.TEST_NEO4J_PARAMETER_SIZES ?? "false",
    // For a look inside (e.g. Neo4j's query log with its planning times): TEST_NEO4J_SETTINGS='{"db.logs.query.enabled": "INFO"}'.
    ...(JSON.parse(process.env.TEST_NEO4J_SETTINGS ?? "{}") as Record<string, string>),
  };
}

/**
 * The run's Neo4j compiles with C1 only and collects with the serial collector, as the Neo4j JVMs that test files start
 * of their own (quickStartJvmOptions). The suite asks it for hundreds of different statements, each planned once: the
 * planner's code runs a few times, not millions, and C2's compiler threads spent ~20 CPU-s of a probe's 50 planning
 * twenty statements (docs/performance.md, "The test suite's time", session 13). Five network files side by side, one
 * lock hold: CPU 410 s (default) against 292 s (C1 + serial). `TEST_NEO4J_JIT=default` gives the product's JVM back.
 */
function runJvmOptions(): string[] {
  return process.env.TEST_NEO4J_JIT === "default" ? [] : quickStartJvmOptions;
}

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
      settings: testPlanSettings(),
      jvmOptions: runJvmOptions(),
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

/**
 * The browser tests serve the built client (client/dist), which a fresh clone does not have: building it took ~40 s at
 * the start of the browser tier, after every integration file. Started here instead, when the run has browser tests (vitest
 * runs a project's global setup only if it has files in the run), it builds in the background while Neo4j starts and the
 * integration tier runs (which never serves the client); tests/e2e/support/start-e2e-environment.ts waits for the marker.
 */
function startClientBuild(lockDir: string): { marker: string; done: Promise<void> } | undefined {
  if (!clientIsStale()) return undefined;
  const marker = path.join(lockDir, "client-build");
  const done = buildClientInBackground().then(
    () => writeFileSync(marker, "ok"),
    (error: unknown) => writeFileSync(marker, String(error)),
  );
  return { marker, done };
}

export async function setup(project: TestProject): Promise<void> {
  let shared = holder.__werkplaatsTestNeo4j;
  if (!shared) {
    shared = {
      users: 0,
      target: Promise.resolve(undefined as never),
      classArchive: "",
      makingClassArchive: Promise.resolve(),
      lockDir: mkdtempSync(path.join(os.tmpdir(), "werkplaats-test-lock-")),
      // Named after this process: a build finding it while this process is gone removes it (a run cut short).
      buildsDir: mkdtempSync(path.join(os.tmpdir(), `werkplaats-test-builds-${process.pid}-`)),
    };
    const config = loadConfig();
    shared.classArchive = classArchivePath(config);
    shared.target = start(shared);
    const archive = shared.classArchive;
    shared.makingClassArchive = shared.target.then(
      () => makeClassArchive(config, archive),
      () => undefined,
    );
    holder.__werkplaatsTestNeo4j = shared;
  }
  shared.users += 1;
  if (project.name === "e2e") shared.clientBuild ??= startClientBuild(shared.lockDir);
  project.provide("clientBuildMarker", project.name === "e2e" ? (shared.clientBuild?.marker ?? "") : "");
  project.provide("graphLockDir", shared.lockDir);
  project.provide("testBuildsDir", shared.buildsDir);
  project.provide("neo4jJvmOptions", quickStartJvmOptions);
  project.provide("neo4jClassArchive", shared.classArchive);
  project.provide("neo4j", await shared.target);
}

export async function teardown(): Promise<void> {
  const shared = holder.__werkplaatsTestNeo4j;
  if (!shared) return;
  shared.users -= 1;
  if (shared.users > 0) return;
  holder.__werkplaatsTestNeo4j = undefined;
  await shared.clientBuild?.done;
  rmSync(shared.lockDir, { recursive: true, force: true });
  rmSync(shared.buildsDir, { recursive: true, force: true });
  await shared.makingClassArchive;
  await shared.embedded?.stop();
  if (shared.home) rmSync(shared.home, { recursive: true, force: true });
}

import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from "node:child_process";
import { createHash } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

/**
 * The embedded default: a Neo4j 5.26 Community server run on the machine's Java by the project's
 * own launcher (server/platform/neo4j/launcher), its jars resolved once by Maven into ~/.m2.
 */

export type EmbeddedNeo4jErrorCode =
  | "JAVA_MISSING"
  | "JAVA_TOO_OLD"
  | "MAVEN_MISSING"
  | "MAVEN_FAILED"
  | "PORT_IN_USE"
  | "STORE_LOCKED"
  | "START_FAILED"
  | "START_TIMEOUT"
  | "IMPORT_FAILED";

/** A failure to bring up the embedded Neo4j; `message` is one line that says what to do. */
export class EmbeddedNeo4jError extends Error {
  constructor(
    readonly code: EmbeddedNeo4jErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "EmbeddedNeo4jError";
  }
}

export interface EmbeddedNeo4jOptions {
  /** Data folder; created when missing, kept across restarts. */
  home: string;
  /** Cache of the resolved launcher: compiled class, classpath file, plugins/. */
  runtimeDir: string;
  boltPort: number;
  heap: string;
  pagecache: string;
  startTimeoutMs: number;
  /** Java installation to use; when unset, `java` on the PATH. */
  javaHome?: string | undefined;
  /** Extra neo4j.conf settings. */
  settings?: Record<string, string>;
  /** Extra JVM options (NEO4J_JVM_OPTIONS), after the launcher's own; one naming a collector replaces G1. */
  jvmOptions?: readonly string[];
  /** Progress lines for a person watching (resolving jars, starting). */
  onProgress?: (line: string) => void;
}

export interface EmbeddedNeo4j {
  uri: string;
  version: string;
  pid: number;
  /** Resolves when the JVM has ended, by stop() or otherwise (killed, out of memory): what it exited with. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /**
   * Rotates, checkpoints and prunes the transaction logs so values an erasure overwrote are in no log
   * file any more (the launcher's PRUNE_TX_LOGS command); resolves with what is left ("3 files, 2 rotations").
   */
  pruneTransactionLogs(): Promise<string>;
  /** Stops the database cleanly (it flushes and releases the store lock), waiting for the process to end. */
  stop(): Promise<void>;
}

const projectRoot = fileURLToPath(new URL("../../../", import.meta.url));
const launcherDir = path.join(projectRoot, "server/platform/neo4j/launcher");
const launcherSource = path.join(launcherDir, "src/main/java/nl/werkplaats/neo4j/EmbeddedNeo4j.java");
const launcherPom = path.join(launcherDir, "pom.xml");
const mainClass = "nl.werkplaats.neo4j.EmbeddedNeo4j";
const bulkImportSource = path.join(launcherDir, "src/main/java/nl/werkplaats/neo4j/BulkImport.java");
const bulkImportClass = "nl.werkplaats.neo4j.BulkImport";
/** The compiled launcher classes, packed by ensureRuntime (relative to the runtime folder). */
const launcherJar = "build/launcher.jar";

function javaCommand(javaHome: string | undefined): string {
  return javaHome ? path.join(javaHome, "bin", "java") : "java";
}

/**
 * The heap, the collector and the caller's extra options (NEO4J_JVM_OPTIONS). The JVM refuses two
 * collectors, so an extra option that picks one (e.g. -XX:+UseSerialGC) replaces the default G1.
 */
function memoryAndExtraOptions(heap: string, extra: readonly string[] = []): string[] {
  const picksCollector = extra.some((option) => /^-XX:\+Use\w+GC$/.test(option));
  return [`-Xmx${heap}`, ...(picksCollector ? [] : ["-XX:+UseG1GC"]), ...extra];
}

/** Checks that Java 17 or newer is there; returns its major version. */
export function checkJava(javaHome?: string): number {
  const result = spawnSync(javaCommand(javaHome), ["-version"], { encoding: "utf8" });
  if (result.error) {
    throw new EmbeddedNeo4jError(
      "JAVA_MISSING",
      "Java 17 or newer is needed for the embedded Neo4j and was not found: install it (e.g. apt-get install openjdk-17-jdk-headless), set JAVA_HOME, or set NEO4J_URI to use a running Neo4j.",
    );
  }
  const text = `${result.stderr}${result.stdout}`;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(text);
  const major = match ? (match[1] === "1" ? Number(match[2]) : Number(match[1])) : 0;
  if (major < 17) {
    throw new EmbeddedNeo4jError(
      "JAVA_TOO_OLD",
      `Java 17 or newer is needed for the embedded Neo4j, found ${match ? major : "an unknown version"}: install Java 17 or 21, set JAVA_HOME, or set NEO4J_URI.`,
    );
  }
  return major;
}

function launcherStamp(): string {
  return createHash("sha256")
    .update(readFileSync(launcherPom))
    .update(readFileSync(launcherSource))
    .update(readFileSync(bulkImportSource))
    .digest("hex");
}

function runtimeIsReady(runtimeDir: string): boolean {
  const stampFile = path.join(runtimeDir, "stamp.txt");
  const classpathFile = path.join(runtimeDir, "classpath.txt");
  if (!existsSync(stampFile) || !existsSync(classpathFile)) return false;
  if (readFileSync(stampFile, "utf8").trim() !== launcherStamp()) return false;
  if (!existsSync(path.join(runtimeDir, "build/classes/nl/werkplaats/neo4j/EmbeddedNeo4j.class"))) return false;
  if (!existsSync(path.join(runtimeDir, "build/classes/nl/werkplaats/neo4j/BulkImport.class"))) return false;
  if (!existsSync(path.join(runtimeDir, launcherJar))) return false;
  // The jars live in ~/.m2: if someone cleaned it, resolve again.
  return readFileSync(classpathFile, "utf8")
    .trim()
    .split(path.delimiter)
    .every((jar) => existsSync(jar));
}

/**
 * Makes sure the launcher is compiled and Neo4j's jars are resolved. The first run asks Maven
 * (a few minutes on a cold ~/.m2); later runs only check the cache.
 */
export function ensureRuntime(runtimeDir: string, onProgress: (line: string) => void = () => {}): void {
  const dir = path.resolve(runtimeDir);
  if (runtimeIsReady(dir)) return;
  const probe = spawnSync("mvn", ["-v"], { encoding: "utf8" });
  if (probe.error) {
    throw new EmbeddedNeo4jError(
      "MAVEN_MISSING",
      "Maven is needed once to fetch Neo4j for the embedded default and was not found: install it (e.g. apt-get install maven) or set NEO4J_URI to use a running Neo4j.",
    );
  }
  onProgress("Resolving Neo4j 5.26 and APOC with Maven (first run only; later starts use the cache)…");
  mkdirSync(dir, { recursive: true });
  const result = spawnSync("mvn", ["-q", "-B", "-f", launcherPom, `-Dcache.dir=${dir}`, "compile"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    const lines = `${result.stdout}\n${result.stderr}`.split("\n").filter((l) => l.includes("ERROR"));
    const first = (lines[0] ?? "no output").replace(/\x1b\[[0-9;]*m/g, "").replace(/^\[ERROR\]\s*/, "");
    throw new EmbeddedNeo4jError(
      "MAVEN_FAILED",
      `Maven could not resolve Neo4j (${first.slice(0, 300)}): check that Maven Central is reachable, or set NEO4J_URI.`,
    );
  }
  // The compiled launcher as one jar: a class-data-sharing archive (NEO4J_JVM_OPTIONS, the tests) refuses a
  // classpath with a non-empty folder on it. `jar` comes with the JDK that Maven compiled with.
  const jarred = spawnSync(
    "jar",
    ["--create", "--file", path.join(dir, launcherJar), "-C", path.join(dir, "build/classes"), "."],
    {
      encoding: "utf8",
    },
  );
  if (jarred.status !== 0) {
    throw new EmbeddedNeo4jError(
      "MAVEN_FAILED",
      `Packing the compiled launcher failed (${(jarred.error?.message ?? jarred.stderr).trim().slice(0, 300)}): check that the JDK's \`jar\` is on the PATH.`,
    );
  }
  writeFileSync(path.join(dir, "stamp.txt"), `${launcherStamp()}\n`);
}

/**
 * Neo4j's Bolt server, once its connections and databases are stopped, still waits for its two network
 * thread pools to sit idle for 5 s each (netty's graceful "quiet period", an internal setting): 10 s of
 * every stop spent waiting on nothing. Nothing can arrive by then, so the launcher ends them at once.
 */
const quickBoltShutdown = { "internal.dbms.bolt.netty_server_shutdown_quiet_period": "0" };

/**
 * The JVM's JIT compiler threads at the lowest priority (nice 19), every other thread as before (issue #13). Measured
 * with bench/cost-load.ts (thread-cpu.ts): while one allowed analytic ran, Neo4j's 94–123 % of a core was its query (Bolt
 * worker, 33–62 %) and the C2/C1 compilers (45–87 %), not the garbage collector (≤ 3 %); the compilers then took the core
 * the other users' requests needed. At nice 19 they compile when a core is free, so on an idle machine nothing changes.
 * ThreadPriorityPolicy=1 makes the JVM apply thread priorities as nice values: the Java priorities above normal are mapped
 * back to nice 0 (as root they would otherwise get −1…−5, and take CPU from the API).
 */
const compilerThreadsLast = [
  "-XX:ThreadPriorityPolicy=1",
  "-XX:CompilerThreadPriority=19",
  ...[6, 7, 8, 9, 10].map((priority) => `-XX:JavaPriority${priority}_To_OSPriority=0`),
];

/** Starts the embedded Neo4j and resolves once Bolt accepts connections. */
export async function startEmbeddedNeo4j(options: EmbeddedNeo4jOptions): Promise<EmbeddedNeo4j> {
  const progress = options.onProgress ?? (() => {});
  checkJava(options.javaHome);
  ensureRuntime(options.runtimeDir, progress);

  const runtimeDir = path.resolve(options.runtimeDir);
  const home = path.resolve(options.home);
  mkdirSync(path.join(home, "logs"), { recursive: true });
  const classpath = [
    path.join(runtimeDir, launcherJar),
    readFileSync(path.join(runtimeDir, "classpath.txt"), "utf8").trim(),
    // APOC registers extensions through the service loader, so it is on the classpath as well as in plugins/.
    path.join(runtimeDir, "plugins/*"),
  ].join(path.delimiter);
  const args = [
    // Before the caller's options (NEO4J_JVM_OPTIONS): a later -XX option wins, so they can be turned back.
    ...compilerThreadsLast,
    ...memoryAndExtraOptions(options.heap, options.jvmOptions),
    "-XX:+ExitOnOutOfMemoryError",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "-Dfile.encoding=UTF-8",
    "-cp",
    classpath,
    mainClass,
    "--home",
    home,
    "--plugins",
    path.join(runtimeDir, "plugins"),
    "--port",
    String(options.boltPort),
    "--pagecache",
    options.pagecache,
    ...Object.entries({ ...quickBoltShutdown, ...options.settings }).flatMap(([k, v]) => ["--conf", `${k}=${v}`]),
  ];

  progress(`Starting the embedded Neo4j on bolt://127.0.0.1:${options.boltPort} (data in ${home})…`);
  // stdin stays an open pipe: when this process dies, the launcher sees end-of-file and shuts down.
  const child: ChildProcessWithoutNullStreams = spawn(javaCommand(options.javaHome), args, {
    stdio: ["pipe", "pipe", "pipe"],
  });
  const log = createWriteStream(path.join(home, "logs/launcher.log"), { flags: "a" });
  child.stderr.pipe(log);
  const stderrTail: string[] = [];
  child.stderr.on("data", (chunk: Buffer) => {
    stderrTail.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    stderrTail.splice(0, Math.max(0, stderrTail.length - 20));
  });

  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const exited = ended.then(({ code }) => code);
  const pruneWaiters = new Map<string, { resolve: (left: string) => void; reject: (error: Error) => void }>();
  void ended.then(() => {
    for (const waiter of pruneWaiters.values()) waiter.reject(new Error("The embedded Neo4j ended before it pruned its logs."));
    pruneWaiters.clear();
  });
  const killOnExit = (): void => {
    child.kill("SIGTERM");
  };
  process.once("exit", killOnExit);

  const ready = new Promise<{ version: string; uri: string }>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(
        new EmbeddedNeo4jError(
          "START_TIMEOUT",
          `The embedded Neo4j did not start within ${options.startTimeoutMs / 1000} s: see ${path.join(home, "logs/debug.log")}, or raise NEO4J_START_TIMEOUT_MS.`,
        ),
      );
    }, options.startTimeoutMs);
    lines.on("line", (line) => {
      log.write(`${line}\n`);
      const [tag, first, ...rest] = line.split(" ");
      if (tag === "NEO4J_READY") {
        clearTimeout(timer);
        resolve({ version: first ?? "unknown", uri: rest[0] ?? `bolt://127.0.0.1:${options.boltPort}` });
      } else if (tag === "NEO4J_PRUNED") {
        const waiter = pruneWaiters.get(first ?? "");
        pruneWaiters.delete(first ?? "");
        if (rest[0] === "ok") waiter?.resolve(rest.slice(1).join(" "));
        else waiter?.reject(new Error(`The embedded Neo4j could not prune its transaction logs: ${rest.slice(1).join(" ")}`));
      } else if (tag === "NEO4J_ERROR") {
        clearTimeout(timer);
        const code: EmbeddedNeo4jErrorCode = first === "3" ? "PORT_IN_USE" : first === "4" ? "STORE_LOCKED" : "START_FAILED";
        reject(new EmbeddedNeo4jError(code, `Embedded Neo4j: ${rest.join(" ")}`));
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(
        new EmbeddedNeo4jError(
          "START_FAILED",
          `The embedded Neo4j exited with code ${code} before it was ready: ${stderrTail.at(-1) ?? "no output"} (see ${path.join(home, "logs")}).`,
        ),
      );
    });
  });

  let started: { version: string; uri: string };
  try {
    started = await ready;
  } catch (error) {
    process.removeListener("exit", killOnExit);
    await exited;
    throw error;
  }

  let stopping: Promise<void> | undefined;
  let pruneCount = 0;
  return {
    uri: started.uri,
    version: started.version,
    pid: child.pid ?? -1,
    exited: ended,
    pruneTransactionLogs(): Promise<string> {
      const id = String(++pruneCount);
      return new Promise<string>((resolve, reject) => {
        if (child.exitCode !== null || child.signalCode !== null) {
          reject(new Error("The embedded Neo4j is not running."));
          return;
        }
        pruneWaiters.set(id, { resolve, reject });
        child.stdin.write(`PRUNE_TX_LOGS ${id}\n`);
      });
    },
    stop(): Promise<void> {
      stopping ??= (async () => {
        process.removeListener("exit", killOnExit);
        if (child.exitCode === null && child.signalCode === null) {
          child.kill("SIGTERM");
          const forced = setTimeout(() => child.kill("SIGKILL"), 60_000);
          await exited;
          clearTimeout(forced);
        }
        log.end();
      })();
      return stopping;
    },
  };
}

export interface BulkImportOptions {
  /** The embedded Neo4j's data folder (as for startEmbeddedNeo4j); no Neo4j may run on it. */
  home: string;
  runtimeDir: string;
  /** Heap of the importer's JVM (it works mostly off-heap). */
  heap: string;
  javaHome?: string | undefined;
  /** Extra JVM options, as for startEmbeddedNeo4j. */
  jvmOptions?: readonly string[];
  /** Arguments of `neo4j-admin database import full`, the database name last. */
  args: string[];
  /** Every line the importer prints on stdout (its stages and dotted progress). */
  onOutput?: (line: string) => void;
}

export interface BulkImportSummary {
  /** The importer's own figure ("IMPORT DONE in …"), without the JVM's start. */
  importerMs: number;
  nodes: number;
  relationships: number;
  properties: number;
  /** "Peak memory usage: …" as printed. */
  peakMemory: string;
}

/**
 * Runs Neo4j's offline bulk importer (`neo4j-admin database import full`) on the embedded data
 * folder, through the launcher's BulkImport class on the same resolved jars. Rejects with an
 * EmbeddedNeo4jError("IMPORT_FAILED") whose message is the importer's own cause in one line.
 */
export async function runBulkImport(options: BulkImportOptions): Promise<BulkImportSummary> {
  checkJava(options.javaHome);
  ensureRuntime(options.runtimeDir);
  const runtimeDir = path.resolve(options.runtimeDir);
  const home = path.resolve(options.home);
  const classpath = [
    path.join(runtimeDir, launcherJar),
    readFileSync(path.join(runtimeDir, "classpath.txt"), "utf8").trim(),
  ].join(path.delimiter);
  // --verbose: on failure the importer then prints the cause chain, whose last line names the bad row.
  const args = [
    ...memoryAndExtraOptions(options.heap, options.jvmOptions),
    "-Dfile.encoding=UTF-8",
    "-cp",
    classpath,
    bulkImportClass,
    "--home",
    home,
    "--",
    "--verbose",
    ...options.args,
  ];
  const child = spawn(javaCommand(options.javaHome), args, { stdio: ["ignore", "pipe", "pipe"] });
  const stdout: string[] = [];
  const stderr: string[] = [];
  createInterface({ input: child.stdout }).on("line", (line) => {
    stdout.push(line);
    options.onOutput?.(line);
  });
  createInterface({ input: child.stderr }).on("line", (line) => stderr.push(line));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (exitCode) => resolve(exitCode));
  });
  const text = stdout.join("\n");
  if (code !== 0 || !/IMPORT DONE/.test(text)) {
    throw new EmbeddedNeo4jError("IMPORT_FAILED", `The bulk import into ${home} failed: ${explainImportFailure(stderr, stdout)}`);
  }
  const number = (pattern: RegExp): number => Number(pattern.exec(text)?.[1]?.replace(/[^0-9.]/g, "") ?? Number.NaN);
  const done = /IMPORT DONE in ([^.\n]+(?:\.\d+[a-z]+)?)\./.exec(text)?.[1] ?? "";
  return {
    importerMs: parseImporterDuration(done),
    nodes: number(/^\s*([\d,]+) nodes$/m),
    relationships: number(/^\s*([\d,]+) relationships$/m),
    properties: number(/^\s*([\d,]+) properties$/m),
    peakMemory: /Peak memory usage: (.+)$/m.exec(text)?.[1]?.trim() ?? "unknown",
  };
}

/** "880ms", "12s 345ms", "1m 2s 3ms" → milliseconds. */
function parseImporterDuration(text: string): number {
  const units: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1_000, ms: 1 };
  let ms = 0;
  for (const [, value, unit] of text.matchAll(/(\d+)(ms|h|m|s)\b/g)) ms += Number(value) * (units[unit ?? "ms"] ?? 0);
  return ms;
}

/** The deepest cause the importer printed ("… referring to missing node p-9"), else its first complaint. */
function explainImportFailure(stderr: readonly string[], stdout: readonly string[]): string {
  const causes = stderr
    .filter((l) => l.startsWith("Caused by: "))
    .map((l) => l.replace(/^Caused by: (?:[\w.$]+(?:Exception|Error): )*/, ""));
  const deepest = causes.at(-1)?.trim();
  if (deepest) return deepest;
  const complaint = [...stderr, ...stdout].find(
    (l) => /error|failed|locked|in use|exception/i.test(l) && !l.startsWith("WARNING: heap size") && !l.startsWith("\tat "),
  );
  return (complaint ?? stderr.find((l) => l.trim() !== "") ?? "no output").trim().slice(0, 400);
}

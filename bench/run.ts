import { fork, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import cliProgress from "cli-progress";
import { Command, InvalidArgumentError } from "commander";
import { signToken } from "../server/platform/auth/sign-token.js";
import { UserStore } from "../server/platform/auth/UserStore.js";
import { readCaseBoard } from "../server/domains/case-workflow/read-case-board.js";
import { nowIso } from "../server/platform/clock/read-clock.js";
import { loadConfig } from "../server/platform/config.js";
import { matchingSettings } from "../server/domains/suggestions/matching-settings.js";
import { suggestCourses } from "../server/domains/suggestions/suggest-courses.js";
import { Language } from "../server/platform/model/graph-enums.js";
import type { Database } from "../server/platform/neo4j/database.js";
import { computeInstitutionEmbedding, computeProgrammeEmbedding } from "../server/domains/network/compute-embedding.js";
import { rankEmbedding } from "../server/domains/network/rank-embedding.js";
import { findWarmPaths } from "../server/domains/network/find-warm-paths.js";
import { bestWarmPathsInMemory } from "../server/domains/network/best-warm-paths-in-memory.js";
import { tieGraphAt } from "../server/domains/network/TieGraphStore.js";
import { resolvePathTargets } from "../server/domains/network/resolve-path-targets.js";
import { resolveWorkspace } from "../server/domains/network/resolve-workspace.js";
import { refreshEmbedding } from "../server/domains/network/refresh-embedding.js";
import { scales, sizeLikeXl, type ScaleName } from "../seed/synthetic/index.js";
import { Random } from "../seed/synthetic/Random.js";
import neo4j from "neo4j-driver";
import type { ApiLastStatement, ApiLoop, ApiReady, ApiStats } from "./api-process.js";
import { findWarmPathsInMemory } from "./baseline/find-warm-paths-in-memory.js";
import { loadInMemoryGraph } from "./baseline/in-memory-graph.js";
import { prepareGraph, writeMixPendingFile } from "./prepare-graph.js";
import { probePersonPaths } from "./probe-person-paths.js";
// @ts-expect-error -- a plain ES module script without types (scripts/build-server.mjs)
import { buildServer } from "../scripts/build-server.mjs";
import { summariseLatencies, timed, type LatencySummary } from "./summarise-latencies.js";
import { writeBenchResults, type BenchResults, type OperationResult, type ThroughputResult } from "./write-bench-results.js";
import { WriteMixUndo } from "./undo-write-mix.js";
import { missingWriteKinds, WriteMix } from "./write-mix.js";

/**
 * `npm run bench -- --scale S|M|L`: issue 7's side-by-side benchmark. Generates (or reuses) the
 * scale in a private embedded Neo4j, runs the API as a child process against it, and measures each
 * question three ways where it has them — through /graphql on loopback, through the same service
 * code and Cypher on the driver in this process, and (warmPaths) in memory — interleaved sample by
 * sample so that both sides see the same noise. Results: bench/results/bench-<scale>.{json,md}.
 */

const projectRoot = fileURLToPath(new URL("../", import.meta.url));
/** When this run started (its progress lines say how long it has been going). */
const runStartedAt = Date.now();

const program = new Command()
  .name("bench")
  .option(
    "--scale <S|M|L|XL>",
    "S (demo-sized), M (10k people, 100k ties), L (100k people, 1M ties), XL (1M people, 10M ties)",
    (v) => {
      const s = v.toUpperCase();
      if (s !== "S" && s !== "M" && s !== "L" && s !== "XL") throw new InvalidArgumentError("expected S, M, L or XL.");
      return s as ScaleName;
    },
    "S" as ScaleName,
  )
  .option(
    "--people <n>",
    "instead of --scale: a size in XL's proportions with this many people (with --ties), to try XL's steps at a fraction first",
    (v) => wholeNumber(v),
  )
  .option("--ties <n>", "with --people: the KNOWS ties", (v) => wholeNumber(v))
  .option(
    "--refresh <full|skip>",
    "refreshEmbedding of every programme and institution before measuring, or not (then embeddingRanking is not measured " +
      "and the refresh's time is estimated from one programme's); default: full, except at XL (about 100 minutes there)",
    (v) => {
      if (v !== "full" && v !== "skip") throw new InvalidArgumentError("expected full or skip.");
      return v;
    },
  )
  .option("--pairs <n>", "random warm-path pairs", (v) => Number(v))
  .option("--data <dir>", "where the bench's Neo4j keeps each scale", path.join(projectRoot, "bench/.data"))
  .option("--out <dir>", "where the tables go", path.join(projectRoot, "bench/results"))
  .option(
    "--write-mix <percent>",
    "percent of requests that are the day's writes (intake, proposal, answer, match, interaction) among the measured reads; 0: none",
    (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 50) throw new InvalidArgumentError("expected a whole percent from 0 to 50.");
      return n;
    },
    10,
  )
  .option(
    "--only <short|prepare|paths>",
    "short: only the short requests (floor, caseBoard, generated cases) and the board's throughput — no in-memory baseline, " +
      "embedding refresh, analytics or warm paths; for before/after runs of a change to the per-request cost (#19 part 3). " +
      "prepare: only the graph (generated or reused), the API's start on it (its start-up migrations) and the analytics " +
      "worker's read of every tie, timed, with the API's memory — nothing measured; XL's first steps ahead of a full run. " +
      "paths: only warmPaths person to person (with the in-memory baseline) and a timing of each of its steps " +
      "(bench/probe-person-paths.ts, written to <out>/probe-person-paths.json)",
    (v) => {
      if (v !== "short" && v !== "prepare" && v !== "paths") throw new InvalidArgumentError("expected short, prepare or paths.");
      return v;
    },
  )
  .option(
    "--api-root <dir>",
    "run the API child from another checkout of this project (its own build), e.g. a copy of main, against the same graph",
  )
  .option(
    "--api-cpu-profile <file>",
    "write a CPU profile (.cpuprofile, for Chrome DevTools) of the API child during the board's 32-client throughput",
  )
  .option(
    "--no-embedding",
    "skip refreshEmbedding, embedding and embeddingRanking (at L the refresh runs out of memory, see docs/performance.md)",
  )
  .parse();
const opts = program.opts<{
  scale: ScaleName;
  people?: number;
  ties?: number;
  refresh?: "full" | "skip";
  pairs?: number;
  data: string;
  out: string;
  embedding: boolean;
  writeMix: number;
  only?: "short" | "prepare" | "paths";
  apiRoot?: string;
  apiCpuProfile?: string;
}>();

function wholeNumber(v: string): number {
  const n = Number(v.replace(/_/g, ""));
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError("expected a whole number.");
  return n;
}

/** The operations measured on both sides (their rows in the table). */
type OperationKey =
  "warmPaths" | "orgPaths" | "floor" | "embedding" | "institution" | "ranking" | "suggestions" | "board" | "generated";

/**
 * How one operation's raw side is bounded where the database's way grows faster than the graph (XL): the raw side runs
 * on the first `rawItems` items only (its warm-up too), once on each of them, then on further samples only while its
 * measured time has not reached `rawSeconds`. The GraphQL side takes every sample. Answers are compared wherever both
 * sides ran (the table states the samples per side).
 */
interface RawBound {
  rawItems?: number;
  rawSeconds?: number;
}

/**
 * Samples and time bounds per scale: enough for a stable p95, bounded so M ends well within 15 minutes and XL within 60.
 * `secondsPerOp` bounds each operation's GraphQL samples (at least 10 are taken, each item's first on both sides);
 * `raw` bounds the raw side per operation. `tieGraphWaitSeconds`: how long the run waits for the analytics worker's read
 * of every tie before it warms up (the API's answers come from Neo4j's search until then).
 */
const plan: Record<
  ScaleName,
  {
    pairs: number;
    reps: number;
    secondsPerOp: number;
    throughputSeconds: number;
    raw: Partial<Record<OperationKey, RawBound>>;
    tieGraphWaitSeconds: number;
  }
> = {
  S: { pairs: 40, reps: 3, secondsPerOp: 60, throughputSeconds: 5, raw: {}, tieGraphWaitSeconds: 120 },
  M: { pairs: 40, reps: 3, secondsPerOp: 120, throughputSeconds: 10, raw: {}, tieGraphWaitSeconds: 120 },
  L: { pairs: 40, reps: 3, secondsPerOp: 60, throughputSeconds: 10, raw: {}, tieGraphWaitSeconds: 300 },
  // XL: the database's way of the hub warm paths, the embeddings and the suggestions grows with the square of the graph
  // (docs/performance.md, "XL's plan"); its samples are bounded, the API's are not cut.
  XL: {
    pairs: 40,
    reps: 3,
    secondsPerOp: 90,
    throughputSeconds: 10,
    raw: {
      warmPaths: { rawItems: 20, rawSeconds: 30 },
      orgPaths: { rawItems: 3, rawSeconds: 60 },
      embedding: { rawItems: 5, rawSeconds: 60 },
      institution: { rawItems: 1, rawSeconds: 0 },
      suggestions: { rawItems: 5, rawSeconds: 60 },
    },
    tieGraphWaitSeconds: 1500,
  },
};

/**
 * Runs one step of the bench, says how long it took, and, while it runs, how long it has been running every 30 s
 * (a step without a count of its own, such as refreshEmbedding, still shows it is alive). Each step's time goes
 * into the results (`steps`), from which a larger scale's time is extrapolated.
 */
const steps: Array<{ step: string; seconds: number }> = [];
async function step<T>(name: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  log(`${name}…`);
  const beat = setInterval(
    () => log(`  … ${name}: ${Math.round((performance.now() - started) / 1000)} s so far (load ${os.loadavg()[0]!.toFixed(1)})`),
    30_000,
  );
  try {
    return await work();
  } finally {
    clearInterval(beat);
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    steps.push({ step: name, seconds });
    log(`  ${name}: ${seconds} s`);
  }
}

const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

/** The API child: its URL, a GraphQL client with a bearer token, and its statement counters. */
interface Api {
  child: ChildProcess;
  url: string;
  /**
   * A POST to /graphql through node:http with a keep-alive agent: every GraphQL sample and the throughput. Until session
   * 14 it was `fetch` (undici), which costs the bench 0.2–0.8 ms more per request than node:http on this machine (the probe's
   * `{ __typename }` rows at L) — the client's cost, on the GraphQL side of every ratio (docs/performance.md, session 14).
   */
  graphql<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** The same request through `fetch`, as the bench sent them before (the probe's comparison of the two clients). */
  graphqlFetch(query: string, variables?: Record<string, unknown>): Promise<unknown>;
  /** The last statement the API sent, with its parameters; null when its api-process does not say (an older --api-root). */
  lastStatement(): Promise<{ cypher: string; params: Record<string, unknown> } | null>;
  stats(): Promise<ApiStats>;
  /** The API thread's event-loop delay since the last call (p99, max in ms); starts a new window. */
  loop(): Promise<{ p99Ms: number; maxMs: number }>;
  memory(): { rssMb: number; peakRssMb: number };
  /** Starts the API thread's CPU profiler, or stops it and writes the profile to `file` (bench --api-cpu-profile). */
  profile(action: "start" | "stop", file?: string): Promise<void>;
  /**
   * Resolves when the analytics worker says it holds every tie (its log line "Warm-path tie graph read into memory",
   * TieGraphStore.ts, on the child's stderr), with what it logged; null after `seconds` without it.
   */
  tieGraphRead(seconds: number): Promise<TieGraphRead | null>;
  stop(): Promise<void>;
}

/** What the analytics worker logged when it had read every tie into memory. */
interface TieGraphRead {
  people: number;
  ties: number;
  ms: number;
}

/**
 * The load rate without starting Neo4j: the bulk path counts a Neo4j start (it imports with Neo4j
 * stopped), the Cypher path writes into a running one and counts none; this figure compares alike.
 */
function loadWithoutStart(generation: { ms: number; relationships: number; phases: Array<{ phase: string; ms: number }> }): {
  neo4jStartSeconds: number;
  relationshipsPerSecondWithoutStart: number;
} {
  const startMs = generation.phases.find((p) => p.phase === "start Neo4j")?.ms ?? 0;
  const ms = generation.ms - startMs;
  return {
    neo4jStartSeconds: Math.round(startMs / 100) / 10,
    relationshipsPerSecondWithoutStart: ms > 0 ? Math.round((generation.relationships * 1000) / ms) : 0,
  };
}

/** The node flags of `npm start` (package.json), so the bench measures the API as users run it. */
function apiNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(projectRoot, "package.json"), "utf8")) as { scripts: { start: string } };
  return pkg.scripts.start.split(" ").filter((word) => /^--max-(old|semi)-space-size=\d+$/.test(word));
}

/**
 * The bench's coordinator account, in the graph: since every signed-in request is checked against its account (#13),
 * a token for a made-up id is refused (401, "This account does not exist"). Made once, then found again.
 */
async function benchAccount(db: Database): Promise<{ id: string; tokenVersion: number }> {
  const users = new UserStore(db);
  const email = "bench-coordinator@example.org";
  const found = await users.findByEmail(email);
  if (found) return { id: found.id, tokenVersion: found.tokenVersion };
  const made = await users.create({
    email,
    name: "Bench Coordinator",
    password: randomBytes(24).toString("base64url"),
    roles: ["COORDINATOR"],
  });
  return { id: made.id, tokenVersion: 0 };
}

/** The product's default WARM_PATHS_IN_MEMORY_MAX_TIES (server/platform/config.ts). */
const defaultMaxTies = 3_000_000;

/**
 * The most ties the API's analytics worker holds: WARM_PATHS_IN_MEMORY_MAX_TIES when the bench is started with it (to
 * measure the database's search at XL), else every tie of the graph measured (above the default only at XL's sizes).
 */
function maxTiesFor(ties: number): number {
  const given = process.env.WARM_PATHS_IN_MEMORY_MAX_TIES;
  return given !== undefined && given !== "" ? Number(given) : Math.max(defaultMaxTies, ties);
}

async function startApi(neo4jUri: string, db: Database, ties: number): Promise<Api> {
  const secret = randomBytes(48).toString("base64url");
  const env = {
    ...process.env,
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: "0",
    NEO4J_URI: neo4jUri,
    NEO4J_USERNAME: "neo4j",
    NEO4J_PASSWORD: "bench",
    JWT_SECRET: secret,
    ADMIN_EMAIL: "bench-admin@example.org",
    ADMIN_PASSWORD: randomBytes(24).toString("base64url"),
    SEED_DEMO: "false",
    LOG_LEVEL: "warn",
    // The bench measures the API and Neo4j, not the rate limiter.
    RATE_LIMIT_PER_MINUTE: "1000000000",
    // The bench times one refreshEmbedding itself; a scheduled one must not run in the middle of a measurement.
    EMBEDDING_REFRESH_MINUTES: "0",
    // The analytics worker holds every tie at every scale measured, as a deployment of that size would be configured
    // (maxTiesFor): above the default 3,000,000 (XL's 10,000,000) the limit is raised to the graph's ties, and the
    // worker's read of every tie gets half an hour (paced behind light requests, it may outlast the default 10 minutes).
    WARM_PATHS_IN_MEMORY_MAX_TIES: String(maxTiesFor(ties)),
    ...(ties > defaultMaxTies && !process.env.WARM_PATHS_IN_MEMORY_LOAD_BUDGET_MS
      ? { WARM_PATHS_IN_MEMORY_LOAD_BUDGET_MS: String(30 * 60_000) }
      : {}),
  };
  // The API as `npm start` runs it: the compiled server (npm run build) with the same heap flags.
  // With --api-root, another checkout's server (e.g. a copy of main), built by its own script, for a before/after pair.
  const apiRoot = opts.apiRoot ? path.resolve(opts.apiRoot) : projectRoot;
  if (opts.apiRoot) {
    const other = (await import(pathToFileURL(path.join(apiRoot, "scripts/build-server.mjs")).href)) as {
      buildServer: () => Promise<unknown>;
    };
    await other.buildServer();
  } else {
    await buildServer();
  }
  const child = fork(path.join(apiRoot, "dist/bench/api-process.js"), [], {
    env,
    execArgv: apiNodeFlags(),
    stdio: ["ignore", "inherit", "pipe", "ipc"],
  });
  // The child's log passes through; the worker's line saying it holds every tie is also watched for (tieGraphRead).
  let tieGraph: TieGraphRead | undefined;
  const tieGraphWaiters = new Set<(read: TieGraphRead) => void>();
  let pending = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    process.stderr.write(chunk);
    pending += chunk.toString("utf8");
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      const at = line.indexOf("Warm-path tie graph read into memory ");
      if (at === -1) continue;
      try {
        tieGraph = JSON.parse(line.slice(at + "Warm-path tie graph read into memory ".length)) as TieGraphRead;
        for (const waiter of tieGraphWaiters) waiter(tieGraph);
      } catch {
        // not the line's usual shape: left to the timeout
      }
    }
  });
  const url = await new Promise<string>((resolve, reject) => {
    const onMessage = (message: unknown): void => {
      if ((message as ApiReady).type === "ready") {
        child.off("exit", onExit);
        resolve((message as ApiReady).url);
      }
    };
    const onExit = (code: number | null): void =>
      reject(new Error(`The API process ended with code ${code} before it was ready.`));
    child.on("message", onMessage);
    child.once("exit", onExit);
  });
  const account = await benchAccount(db);
  const { token } = await signToken(
    { JWT_SECRET: secret, JWT_TTL: "8h", NODE_ENV: "production" },
    { id: account.id, roles: ["COORDINATOR"] },
    account.tokenVersion,
  );
  const pid = child.pid!;
  const keepAlive = new http.Agent({ keepAlive: true });
  const post = (body: string): Promise<{ status: number; body: unknown }> =>
    new Promise((resolve, reject) => {
      const request = http.request(
        url,
        {
          method: "POST",
          agent: keepAlive,
          headers: {
            "content-type": "application/json",
            "content-length": Buffer.byteLength(body),
            authorization: `Bearer ${token}`,
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (c: Buffer) => chunks.push(c));
          response.on("end", () => {
            try {
              resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) });
            } catch (error) {
              reject(error);
            }
          });
          response.on("error", reject);
        },
      );
      request.on("error", reject);
      request.end(body);
    });
  return {
    child,
    url,
    async graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
      const { status, body } = await post(JSON.stringify({ query, variables }));
      const answer = body as { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> };
      if (answer.errors?.length || !answer.data) {
        const first = answer.errors?.[0];
        throw new Error(`GraphQL ${status}: ${first?.extensions?.code ?? ""} ${first?.message ?? "no data"}`);
      }
      return answer.data;
    },
    async graphqlFetch(query: string, variables: Record<string, unknown> = {}) {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return response.json();
    },
    lastStatement() {
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          child.off("message", onMessage);
          resolve(null);
        }, 2000);
        const onMessage = (message: unknown): void => {
          const answer = message as ApiLastStatement;
          if (answer.type !== "last-statement") return;
          child.off("message", onMessage);
          clearTimeout(timer);
          resolve(
            answer.cypher === null
              ? null
              : { cypher: answer.cypher, params: withIntegers(answer.params) as Record<string, unknown> },
          );
        };
        child.on("message", onMessage);
        child.send({ type: "last-statement" });
      });
    },
    stats() {
      return new Promise<ApiStats>((resolve) => {
        const onMessage = (message: unknown): void => {
          if ((message as ApiStats).type !== "stats") return;
          child.off("message", onMessage);
          resolve(message as ApiStats);
        };
        child.on("message", onMessage);
        child.send({ type: "stats" });
      });
    },
    loop() {
      return new Promise<{ p99Ms: number; maxMs: number }>((resolve) => {
        const onMessage = (message: unknown): void => {
          if ((message as ApiLoop).type !== "loop") return;
          child.off("message", onMessage);
          const { p99Ms, maxMs } = message as ApiLoop;
          resolve({ p99Ms, maxMs });
        };
        child.on("message", onMessage);
        child.send({ type: "loop" });
      });
    },
    memory() {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const kb = (field: string): number => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
      return { rssMb: Math.round(kb("VmRSS") / 1024), peakRssMb: Math.round(kb("VmHWM") / 1024) };
    },
    profile(action, file) {
      return new Promise<void>((resolve, reject) => {
        const onMessage = (message: unknown): void => {
          const answer = message as { type?: string; error?: string };
          if (answer.type !== "profile") return;
          child.off("message", onMessage);
          if (answer.error) reject(new Error(answer.error));
          else resolve();
        };
        child.on("message", onMessage);
        child.send({ type: "profile", action, ...(file ? { file } : {}) });
      });
    },
    tieGraphRead(seconds) {
      if (tieGraph) return Promise.resolve(tieGraph);
      return new Promise<TieGraphRead | null>((resolve) => {
        const done = (read: TieGraphRead | null): void => {
          clearTimeout(timer);
          tieGraphWaiters.delete(done);
          resolve(read);
        };
        const timer = setTimeout(() => done(null), seconds * 1000);
        tieGraphWaiters.add(done);
      });
    },
    async stop() {
      if (child.exitCode !== null) return;
      const ended = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.disconnect();
      const timer = setTimeout(() => child.kill("SIGTERM"), 15_000);
      await ended;
      clearTimeout(timer);
    },
  };
}

/** The parameters of ApiLastStatement with the driver's integers again (`{ $int }`: LIMIT, SKIP). */
function withIntegers(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(withIntegers);
  const marked = (value as { $int?: unknown }).$int;
  if (typeof marked === "string" && Object.keys(value).length === 1) return neo4j.int(marked);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withIntegers(v)]));
}

/** One side of a comparison: returns a key that both sides must agree on (checked once per item). */
type Side<I> = (item: I) => Promise<string>;

interface CompareOptions<I> {
  name: string;
  items: readonly I[];
  reps: number;
  seconds: number;
  graphql: Side<I>;
  raw: Side<I>;
  rawLabel: string;
  memory?: Side<I>;
  note?: string;
  /**
   * The day's writes among the reads (write-mix.ts): asked before each item, outside the timed part; it writes at the
   * start of every other block of reads, and the GraphQL samples are also summarised per block kind (mix off / on).
   */
  writeMix?: WriteMix | undefined;
  /** Compare the answers of every sample, not only each item's first (the analytics worker's in-memory search, #19). */
  compareEvery?: boolean;
  /** The raw side's bound (XL): on which items, and for how long in all after each of them once. Absent: every sample. */
  rawBound?: RawBound | undefined;
}

/** Where the measuring is: the operations done and to come, for the progress lines (an estimate from the bounds). */
const measuring = { started: 0, done: 0, total: 0, boundSeconds: 0 };

/**
 * Measures one operation: for every repetition and item, the GraphQL request and the raw call
 * (and the in-memory search), their order alternating, so noise falls on both alike. The API's
 * statement counter is read around each GraphQL request (outside the timed part). Answers are
 * compared on every item's first repetition (every sample with compareEvery); a difference counts as a disagreement.
 */
const hundredths = (values: number[]): number[] => values.map((v) => Math.round(v * 100) / 100);

async function compare<I>(api: Api, options: CompareOptions<I>): Promise<OperationResult> {
  const graphqlMs: number[] = [];
  /** The GraphQL samples taken with the mix on and off (write-mix.ts `beforeRead`). */
  const mixMs: Record<"on" | "off", number[]> = { on: [], off: [] };
  const rawMs: number[] = [];
  const memoryMs: number[] = [];
  const statements: number[] = [];
  const transactions: number[] = [];
  let disagreements = 0;
  let compared = 0;
  const examples: string[] = [];
  const errors = { graphql: 0, raw: 0 };
  const errorExamples: string[] = [];
  const total = options.items.length * options.reps;
  measuring.done += 1;
  const runMinutes = (): string => ((Date.now() - runStartedAt) / 60_000).toFixed(1);
  log(
    `  [${measuring.done}/${measuring.total}] ${options.name}: at most ${options.seconds} s of samples (at least 10)` +
      `${options.rawBound ? `; raw side on ${options.rawBound.rawItems ?? "every"} item(s), then while its time is under ${options.rawBound.rawSeconds ?? "∞"} s` : ""}` +
      ` — run so far ${runMinutes()} min`,
  );
  const bar = new cliProgress.SingleBar(
    {
      format: `  ${options.name.padEnd(24)} |{bar}| {value}/{total} samples (raw {raw}) | {left} s left at most`,
      stream: process.stderr,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { raw: 0, left: options.seconds });
  await api.loop(); // a new event-loop window for this operation
  const opStarted = Date.now();
  const deadline = opStarted + options.seconds * 1000;
  const rawItems = options.rawBound?.rawItems ?? options.items.length;
  const rawSeconds = options.rawBound?.rawSeconds ?? Number.POSITIVE_INFINITY;
  let rawSpentMs = 0;
  let n = 0;
  outer: for (let rep = 0; rep < options.reps; rep++) {
    for (const [index, item] of options.items.entries()) {
      if (Date.now() > deadline && n >= 10) break outer;
      // The raw side: each of its items once, then while its time lasts (XL's bound; elsewhere every sample).
      const withRaw = index < rawItems && (rep === 0 || rawSpentMs < rawSeconds * 1000);
      const mixOn = options.writeMix ? await options.writeMix.beforeRead(n) : null;
      const before = await api.stats();
      // A sample that fails (a request past its time budget at XL, say) is counted and reported, not timed, and the
      // run goes on: one error must not cost an hour's run its results (the run still exits 1).
      const failed = (side: "graphql" | "raw", error: unknown): undefined => {
        errors[side]++;
        if (errorExamples.length < 3) errorExamples.push(`${side}: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      };
      const runGraphql = async (): Promise<string | undefined> => {
        try {
          const { ms, value } = await timed(() => options.graphql(item));
          graphqlMs.push(ms);
          if (mixOn !== null) mixMs[mixOn ? "on" : "off"].push(ms);
          return value;
        } catch (error) {
          return failed("graphql", error);
        }
      };
      const runRaw = async (): Promise<string | undefined> => {
        if (!withRaw) return undefined;
        try {
          const { ms, value } = await timed(() => options.raw(item));
          rawMs.push(ms);
          rawSpentMs += ms;
          return value;
        } catch (error) {
          return failed("raw", error);
        }
      };
      let viaGraphql: string | undefined;
      let viaRaw: string | undefined;
      if (n % 2 === 0) {
        viaGraphql = await runGraphql();
        const after = await api.stats();
        statements.push(after.statements - before.statements);
        transactions.push(after.transactions - before.transactions);
        viaRaw = await runRaw();
      } else {
        viaRaw = await runRaw();
        const beforeGraphql = await api.stats();
        viaGraphql = await runGraphql();
        const after = await api.stats();
        statements.push(after.statements - beforeGraphql.statements);
        transactions.push(after.transactions - beforeGraphql.transactions);
      }
      let viaMemory: string | undefined;
      if (options.memory) {
        const memorySide = options.memory;
        const { ms, value } = await timed(() => memorySide(item));
        memoryMs.push(ms);
        viaMemory = value;
      }
      // Compared wherever a second side answered too (each item's first sample, or every one with compareEvery).
      const sides = (viaRaw !== undefined ? 1 : 0) + (viaMemory !== undefined ? 1 : 0);
      if ((rep === 0 || options.compareEvery) && sides > 0 && viaGraphql !== undefined) {
        compared++;
        if ((viaRaw !== undefined && viaGraphql !== viaRaw) || (viaMemory !== undefined && viaMemory !== viaGraphql)) {
          disagreements++;
          if (examples.length < 3)
            examples.push(
              `graphql ${viaGraphql} | raw ${viaRaw ?? "–"}${viaMemory === undefined ? "" : ` | memory ${viaMemory}`}`,
            );
        }
      }
      n++;
      bar.update(n, { raw: rawMs.length, left: Math.max(0, Math.round((deadline - Date.now()) / 1000)) });
    }
  }
  bar.stop();
  measuring.boundSeconds -= options.seconds;
  log(
    `  ${options.name}: ${graphqlMs.length} GraphQL / ${rawMs.length} raw samples in ${Math.round((Date.now() - opStarted) / 1000)} s; ` +
      `run so far ${runMinutes()} min, the operations left bounded at about ${Math.round(Math.max(0, measuring.boundSeconds) / 60)} min more`,
  );
  const apiEventLoop = await api.loop();
  const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  const graphql = summariseLatencies(graphqlMs);
  const raw = summariseLatencies(rawMs);
  const memory: LatencySummary | null = options.memory ? summariseLatencies(memoryMs) : null;
  return {
    name: options.name,
    rawLabel: options.rawLabel,
    graphql,
    raw,
    memory,
    ratioP50: Math.round((graphql.p50 / raw.p50) * 100) / 100,
    ratioP95: Math.round((graphql.p95 / raw.p95) * 100) / 100,
    memoryGapP50: memory ? Math.round((graphql.p50 / Math.max(memory.p50, 0.001)) * 10) / 10 : null,
    statementsPerRequest: { median: median(statements), min: Math.min(...statements), max: Math.max(...statements) },
    transactionsPerRequest: { median: median(transactions), min: Math.min(...transactions), max: Math.max(...transactions) },
    compared,
    ...(errors.graphql + errors.raw > 0 ? { errors: { ...errors, examples: errorExamples } } : {}),
    disagreements,
    disagreementExamples: examples,
    apiEventLoop,
    samples: { graphql: hundredths(graphqlMs), raw: hundredths(rawMs), memory: hundredths(memoryMs) },
    ...(options.note ? { note: options.note } : {}),
    ...(mixMs.on.length > 0 && mixMs.off.length > 0
      ? { withMix: { off: summariseLatencies(mixMs.off), on: summariseLatencies(mixMs.on) } }
      : {}),
  };
}

/** N clients, each sending the next request when its last one is answered, for a fixed time. */
async function throughput(
  name: string,
  clients: number,
  seconds: number,
  maxRequests: number,
  request: () => Promise<unknown>,
): Promise<ThroughputResult> {
  const latencies: number[] = [];
  let errors = 0;
  const errorKinds: Record<string, number> = {};
  let sent = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const client = async (): Promise<void> => {
    while (performance.now() < deadline && sent < maxRequests) {
      sent++;
      const t0 = performance.now();
      try {
        await request();
        latencies.push(performance.now() - t0);
      } catch (error) {
        errors++;
        const kind = (error instanceof Error ? error.message : String(error)).slice(0, 100);
        errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  const elapsed = (performance.now() - started) / 1000;
  return {
    name,
    clients,
    seconds: Math.round(elapsed * 10) / 10,
    requests: latencies.length,
    errors,
    ...(errors > 0 ? { errorKinds } : {}),
    perSecond: Math.round(latencies.length / elapsed),
    latency: summariseLatencies(latencies),
  };
}

// --- Operations -------------------------------------------------------------------------------------

const orgPathsQuery = `query($to: ID!, $k: Int!, $maxHops: Int!) {
  warmPaths(to: $to, k: $k, maxHops: $maxHops) { score hops steps { person { id } } }
}`;

const warmPathsQuery = `query($to: ID!, $from: [ID!], $k: Int!, $maxHops: Int!) {
  warmPaths(to: $to, from: $from, k: $k, maxHops: $maxHops) {
    score hops explanationEn
    steps { person { id name roles { kind organisation } } tie { strength channel } }
  }
}`;

const institutionEmbeddingQuery = `query($i: ID!) {
  embedding(institution: $i) {
    id name level threads roleHolders reachedRoleHolders
    singlePointsOfFailure { person { id name } whyEn }
  }
}`;
const embeddingQuery = `query($p: ID!) {
  embedding(programme: $p) {
    id name level threads roleHolders reachedRoleHolders
    threadPaths { people { id name } }
    singlePointsOfFailure { person { id name } whyEn }
    ... on ProgrammeEmbedding { rungs { level holds reasonEn } }
    activity { sprints agreements openProposals } trend { direction }
  }
}`;

const rankingQuery = `query($limit: Int!, $offset: Int!) {
  embeddingRanking(limit: $limit, offset: $offset) {
    total refreshedAt
    entries { kind id name level threads singlePointsOfFailure verdict activity { sprints agreements } trendChange }
  }
}`;

const suggestionsQuery = `query($case: ID!) {
  caseSuggestions(case: $case, limit: 10) {
    courseId courseName institutionName teacherName score verdict reason warmPathStrength warmPathHops remainingPlaces
  }
}`;

const boardQuery = `query {
  caseBoard(first: 50) {
    totalCount hasNextPage endCursor
    columns { status count }
    cards { id title status smeName partnerName coordinatorName topics suggestionCount openProposals created }
  }
}`;

/** A query @neo4j/graphql translates (one Cypher statement expected), and the hand-written equivalent. */
const generatedQuery = `query { cases(limit: 50, sort: [{ id: ASC }]) { id title status sme { name city } } }`;
const generatedCypher = `MATCH (k:Case) WITH k ORDER BY k.id ASC LIMIT 50
RETURN k.id AS id, k.title AS title, k.status AS status, [(k)<-[:ASKED]-(s:Sme) | s {.name, .city}] AS sme`;

/** Reads the ranking page by page until every entry is in; the answer key is the total and the ids in order. */
async function readWholeRanking(
  page: (offset: number) => Promise<{ total: number; entries: Array<{ id: string }> }>,
): Promise<string> {
  const ids: string[] = [];
  let total = 0;
  do {
    const view = await page(ids.length);
    total = view.total;
    ids.push(...view.entries.map((e) => e.id));
    if (view.entries.length === 0) break;
  } while (ids.length < total);
  return `${total}:${ids.join(",")}`;
}

/** Every path of an answer, in order: ids, score (as GraphQL's Float carries it) and hops. */
const allPathsKey = (paths: ReadonlyArray<{ ids: readonly string[]; score: number; hops: number }>): string =>
  paths.map((p) => `${p.ids.join(">")}@${p.score}/${p.hops}`).join(" ; ") || "none";

const pathKey = (ids: readonly string[] | undefined, score: number | undefined): string =>
  ids ? `${ids.join(">")}@${(score ?? 0).toFixed(9)}` : "none";

async function main(): Promise<void> {
  if ((opts.people === undefined) !== (opts.ties === undefined)) throw new Error("--people and --ties go together.");
  const custom = opts.people !== undefined && opts.ties !== undefined;
  const scale = custom ? `custom-${opts.people}-${opts.ties}` : opts.scale;
  const size = custom ? sizeLikeXl(opts.people!, opts.ties!) : scales[opts.scale];
  const settings = custom ? plan.XL : plan[opts.scale];
  const pairCount = opts.pairs ?? settings.pairs;
  const config = loadConfig({ ...process.env, LOG_LEVEL: "warn" });
  const runStarted = runStartedAt;
  // --only short: the per-request cost alone (#19 part 3); the analytics and warm paths are not measured.
  const short = opts.only === "short";
  // --only paths: warmPaths person to person alone, and where its time goes (bench/probe-person-paths.ts).
  const onlyPaths = opts.only === "paths";
  const embedding = opts.embedding && !short && !onlyPaths;
  const loadAtStart = os.loadavg();

  const prepared = await step("Preparing the graph (generate and bulk import, or reuse)", () =>
    prepareGraph(config, scale, size, opts.data, log),
  );
  const db: Database = prepared.db;
  let api: Api | undefined;
  // What the write mix writes comes out again at the end, so the store stays the generated graph (bench/undo-write-mix.ts).
  const undo = opts.writeMix > 0 ? new WriteMixUndo(db, writeMixPendingFile(opts.data, scale)) : null;
  try {
    api = await step("Starting the API as a child process", () => startApi(prepared.embedded.uri, db, size.ties));
    const memoryIdle = api.memory();
    const api0 = api;
    /** The analytics worker's read of every tie (started with the API), awaited before the warm-up; its memory after. */
    const waitForTieGraph = async (): Promise<{ read: TieGraphRead | null; rssMb: number; peakRssMb: number }> => {
      if (size.ties > maxTiesFor(size.ties)) {
        log(`  The analytics worker holds no ties (WARM_PATHS_IN_MEMORY_MAX_TIES ${maxTiesFor(size.ties)} < ${size.ties}).`);
        return { read: null, ...api0.memory() };
      }
      const read = await step("Waiting for the analytics worker to hold every tie", async () => {
        const got = await api0.tieGraphRead(settings.tieGraphWaitSeconds);
        log(
          got
            ? `  The worker holds ${got.people} people and ${got.ties} ties, read in ${(got.ms / 1000).toFixed(1)} s; API RSS ${api0.memory().rssMb} MB.`
            : `  The worker did not say it holds the ties within ${settings.tieGraphWaitSeconds} s: the API answers from Neo4j's search meanwhile.`,
        );
        return got;
      });
      return { read, ...api0.memory() };
    };
    if (opts.only === "prepare") {
      const held = await waitForTieGraph();
      const prepareResult = {
        scale,
        size,
        date: new Date().toISOString(),
        loadAverageAtStart: loadAtStart.map((x) => Math.round(x * 10) / 10),
        loadAverageAtEnd: os.loadavg().map((x) => Math.round(x * 10) / 10),
        reused: prepared.reused,
        generation: prepared.marker.generation,
        suggestionCountsMs: prepared.marker.suggestionCountsMs,
        apiMemory: { idleRssMb: memoryIdle.rssMb, withTiesRssMb: held.rssMb, peakRssMb: held.peakRssMb },
        tieGraph: held.read,
        steps,
        totalSeconds: Math.round((Date.now() - runStarted) / 1000),
      };
      mkdirSync(opts.out, { recursive: true });
      const file = path.join(opts.out, `prepare-${scale}.json`);
      writeFileSync(file, `${JSON.stringify(prepareResult, null, 2)}\n`);
      log(
        `Prepared ${scale} in ${prepareResult.totalSeconds} s; API RSS ${memoryIdle.rssMb} MB at its start, ${held.rssMb} MB ` +
          `holding the ties, peak ${held.peakRssMb} MB. Steps: ${steps.map((st) => `${st.step} ${st.seconds} s`).join("; ")}. Wrote ${file}.`,
      );
      return;
    }

    const loaded = short
      ? null
      : await step("Loading the KNOWS graph into memory (the baseline)", () => {
          const bar = new cliProgress.SingleBar(
            { format: "  ties read |{bar}| {value}/{total} | {eta_formatted} left", stream: process.stderr, hideCursor: true },
            cliProgress.Presets.shades_classic,
          );
          let started = false;
          return timed(() =>
            loadInMemoryGraph(db, (done, total) => {
              if (!started) bar.start(total, done);
              started = true;
              bar.update(done);
            }),
          ).finally(() => bar.stop());
        });
    // Absent with --only short (nothing below asks it then).
    const graph = loaded?.value;
    const inMemory = (): NonNullable<typeof graph> => {
      if (!graph) throw new Error("The in-memory baseline is not loaded with --only short.");
      return graph;
    };

    // At XL every programme's warm neighbourhood is about ten times L's and there are ten times the programmes: the
    // full refresh would take about a hundred times L's 59 s, longer than the whole run may. It is estimated instead
    // (10,000 programmes × one programme's embedding p50 ÷ the refresh's 4 at a time — a lower bound: at 300,000 people
    // the real refresh ran over 634 s, estimated 235 s), and the ranking it feeds not read.
    const fullRefresh = embedding && (opts.refresh ?? (opts.scale === "XL" && !custom ? "skip" : "full")) === "full";
    const refresh = fullRefresh
      ? await step("Recomputing the embedding figures (refreshEmbedding)", () => timed(() => refreshEmbedding(db, {})))
      : null;
    // The worker read the ties while the baseline loaded; the API is measured holding them, as it runs.
    const held = await waitForTieGraph();

    const random = new Random(size.seed + 7);
    const pairs: Array<[string, string]> = [];
    while (!short && pairs.length < pairCount) {
      const ids = inMemory().ids;
      const a = ids[random.int(ids.length)]!;
      const b = ids[random.int(ids.length)]!;
      if (a !== b) pairs.push([a, b]);
    }
    const programmes = (await db.read("MATCH (p:Programme) RETURN p.id AS id ORDER BY id")).map((r) => String(r.id));
    const cases = (await db.read("MATCH (k:Case) RETURN k.id AS id ORDER BY id")).map((r) => String(r.id));
    const someProgrammes = short || onlyPaths ? [] : random.sample(programmes, 5);
    const institutions = (await db.read("MATCH (i:Institution) RETURN i.id AS id ORDER BY id")).map((r) => String(r.id));
    const someInstitutions = short || onlyPaths ? [] : random.sample(institutions, 3);
    // warmPaths to a programme from the workspace's coordinators (the coordinators' own question; at M and L they are hubs).
    const coordinators = (await resolveWorkspace(db, null)).coordinatorIds;
    const roleHolders = new Map<string, string[]>();
    for (const p of someProgrammes)
      roleHolders.set(
        p,
        (await resolvePathTargets(db, p)).personIds.filter((id) => !coordinators.includes(id)),
      );
    const someCases = short || onlyPaths ? [] : random.sample(cases, 20);
    // The day's writes among the reads (#19 part 5). Not among the warm-path operations compared with the in-memory
    // search: that baseline is loaded once and cannot follow the interactions' tie writes.
    const writeMix =
      opts.writeMix > 0 && coordinators[0]
        ? new WriteMix(
            (q, v) => api!.graphql(q, v),
            opts.writeMix,
            coordinators[0],
            runStarted.toString(36),
            // The intakes copy the first of these whose suggestions hold a course the match can take.
            [...someCases, ...cases.filter((c) => !someCases.includes(c))].slice(0, 200),
            undo,
          )
        : undefined;
    // Every programme and institution, in pages of the API's largest page (MAX_PAGE_SIZE, 1,000):
    // one page at S and M, two at L (1,110 entries) — one sample is the whole ranking.
    const rankingLimit = 1000;
    const settingsOfMatching = matchingSettings();
    // The tie graph the raw side of caseSuggestions finds warm paths in (suggestionsRaw).
    const rawTieGraph = { maxTies: maxTiesFor(size.ties) };
    let rawTieGraphRead = false;

    const api_ = api;
    const ops = {
      warmPathsGraphql: async ([from, to]: [string, string]) => {
        const data = await api_.graphql<{ warmPaths: Array<{ score: number; steps: Array<{ person: { id: string } }> }> }>(
          warmPathsQuery,
          {
            to,
            from: [from],
            k: 3,
            maxHops: 4,
          },
        );
        const top = data.warmPaths[0];
        return pathKey(
          top?.steps.map((s) => s.person.id),
          top?.score,
        );
      },
      warmPathsRaw: async ([from, to]: [string, string]) => {
        const paths = await findWarmPaths(db, { to, from: [from], k: 3, maxHops: 4 });
        return pathKey(
          paths[0]?.steps.map((s) => s.person.id),
          paths[0]?.score,
        );
      },
      // Every path of the answer (ids, score, hops), not only the first: the worker answers these from its own search.
      orgPathsGraphql: async (programme: string) => {
        const data = await api_.graphql<{
          warmPaths: Array<{ score: number; hops: number; steps: Array<{ person: { id: string } }> }>;
        }>(orgPathsQuery, { to: programme, k: 3, maxHops: 4 });
        return allPathsKey(data.warmPaths.map((p) => ({ ids: p.steps.map((s) => s.person.id), score: p.score, hops: p.hops })));
      },
      orgPathsRaw: async (programme: string) => {
        const paths = await findWarmPaths(db, { to: programme, k: 3, maxHops: 4 });
        return allPathsKey(paths.map((p) => ({ ids: p.steps.map((s) => s.person.id), score: p.score, hops: p.hops })));
      },
      orgPathsMemory: (programme: string) => {
        const paths = findWarmPathsInMemory(inMemory(), {
          from: coordinators,
          to: roleHolders.get(programme) ?? [],
          k: 3,
          maxHops: 4,
          minStrength: 0,
        });
        return Promise.resolve(allPathsKey(paths.map((p) => ({ ids: p.people, score: p.score, hops: p.hops }))));
      },
      floorGraphql: async () => (await api_.graphql<{ __typename: string }>("query { __typename }")).__typename,
      floorRaw: async () => ((await db.read("RETURN 'Query' AS t"))[0]?.t as string | undefined) ?? "",
      warmPathsMemory: ([from, to]: [string, string]) => {
        const paths = findWarmPathsInMemory(inMemory(), { from: [from], to: [to], k: 3, maxHops: 4, minStrength: 0 });
        return Promise.resolve(pathKey(paths[0]?.people, paths[0]?.score));
      },
      embeddingGraphql: async (p: string) => {
        const data = await api_.graphql<{ embedding: { level: number; threads: number; reachedRoleHolders: number } }>(
          embeddingQuery,
          { p },
        );
        return `${data.embedding.level}/${data.embedding.threads}/${data.embedding.reachedRoleHolders}`;
      },
      embeddingRaw: async (p: string) => {
        const view = await computeProgrammeEmbedding(db, p, {});
        return `${view.level}/${view.threads}/${view.reachedRoleHolders}`;
      },
      institutionEmbeddingGraphql: async (i: string) => {
        const data = await api_.graphql<{ embedding: { level: number; threads: number; reachedRoleHolders: number } }>(
          institutionEmbeddingQuery,
          { i },
        );
        return `${data.embedding.level}/${data.embedding.threads}/${data.embedding.reachedRoleHolders}`;
      },
      institutionEmbeddingRaw: async (i: string) => {
        const view = await computeInstitutionEmbedding(db, i, {});
        return `${view.level}/${view.threads}/${view.reachedRoleHolders}`;
      },
      rankingGraphql: () =>
        readWholeRanking(async (offset) => {
          const data = await api_.graphql<{ embeddingRanking: { total: number; entries: Array<{ id: string }> } }>(rankingQuery, {
            limit: rankingLimit,
            offset,
          });
          return data.embeddingRanking;
        }),
      rankingRaw: () => readWholeRanking((offset) => rankEmbedding(db, { limit: rankingLimit, offset })),
      suggestionsGraphql: async (caseId: string) => {
        const data = await api_.graphql<{ caseSuggestions: Array<{ courseId: string }> }>(suggestionsQuery, { case: caseId });
        return data.caseSuggestions.map((s) => s.courseId).join(",");
      },
      suggestionsRaw: async (caseId: string) => {
        // The same way as the API: when its analytics worker holds the ties, the warm paths are found in memory — here
        // over a tie graph this process holds (read at the first call, in the warm-up, and following tie writes as the
        // worker's does), so that the ratio is the API's own cost, not two ways of finding warm paths.
        const inMemory = size.ties <= maxTiesFor(size.ties);
        if (inMemory && !rawTieGraphRead) {
          const version = await db.tieVersion();
          if (version) await tieGraphAt(db, version, rawTieGraph, true);
          rawTieGraphRead = true;
        }
        const list = await suggestCourses(
          db,
          { caseId, limit: 10, weights: null, language: Language.EN, now: nowIso(), settings: settingsOfMatching },
          inMemory ? (given) => bestWarmPathsInMemory(db, given, rawTieGraph) : undefined,
        );
        return list.map((s) => s.courseId).join(",");
      },
      boardGraphql: async () => {
        const data = await api_.graphql<{ caseBoard: { totalCount: number; cards: Array<{ id: string }> } }>(boardQuery);
        return `${data.caseBoard.totalCount}:${data.caseBoard.cards.map((c) => c.id).join(",")}`;
      },
      boardRaw: async () => {
        const view = await db.readEach((tx) => readCaseBoard(tx, {}, 50, null, nowIso()));
        return `${view.totalCount}:${view.cards.map((c) => c.id).join(",")}`;
      },
      generatedGraphql: async () => {
        const data = await api_.graphql<{ cases: Array<{ id: string; sme: Array<{ name: string }> }> }>(generatedQuery);
        return data.cases.map((c) => `${c.id}:${c.sme[0]?.name ?? ""}`).join(",");
      },
      generatedRaw: async () => {
        const rows = await db.read(generatedCypher);
        return rows.map((r) => `${String(r.id)}:${String((r.sme as Array<{ name: string }>)[0]?.name ?? "")}`).join(",");
      },
    };

    /** Each item once on both sides, the raw side only on the items it is measured on (plan's `raw`), each line timed. */
    const warm = async <I>(key: OperationKey, items: readonly I[], graphqlSide: Side<I>, rawSide: Side<I>): Promise<void> => {
      const rawItems = settings.raw[key]?.rawItems ?? items.length;
      const started = performance.now();
      let failures = 0;
      for (const [index, item] of items.entries()) {
        const settled = await Promise.allSettled([graphqlSide(item), index < rawItems ? rawSide(item) : Promise.resolve("")]);
        for (const one of settled) {
          // A failure here is the measured sample's to report (compare counts them); the warm-up goes on.
          if (one.status === "rejected" && failures++ < 3) log(`  warm-up ${key}: ${String(one.reason)}`);
        }
      }
      log(
        `  warm-up ${key}: ${items.length} item(s), raw on ${Math.min(rawItems, items.length)}, ${Math.round(performance.now() - started) / 1000} s — run so far ${((Date.now() - runStartedAt) / 60_000).toFixed(1)} min`,
      );
    };
    /** The reads measured under the write mix, each on both sides: `rankings` whole rankings, `boards` rounds of the short ones. */
    const warmMixedReads = async (rankings: number, boards: number): Promise<void> => {
      if (embedding) {
        await warm("embedding", someProgrammes, ops.embeddingGraphql, ops.embeddingRaw);
        await warm("institution", someInstitutions, ops.institutionEmbeddingGraphql, ops.institutionEmbeddingRaw);
        if (fullRefresh) for (let i = 0; i < rankings; i++) await Promise.all([ops.rankingGraphql(), ops.rankingRaw()]);
      }
      await warm("suggestions", someCases, ops.suggestionsGraphql, ops.suggestionsRaw);
      for (let i = 0; i < boards; i++) {
        await Promise.all([
          ops.boardGraphql(),
          ops.boardRaw(),
          ops.generatedGraphql(),
          ops.generatedRaw(),
          ops.floorGraphql(),
          ops.floorRaw(),
        ]);
      }
    };
    await step("Warming up", async () => {
      // Every item once on each side: plans cached in Neo4j, the API's code optimised by V8, caches filled.
      await warm("warmPaths", pairs, ops.warmPathsGraphql, ops.warmPathsRaw);
      await warm("orgPaths", someProgrammes, ops.orgPathsGraphql, ops.orgPathsRaw);
      await warmMixedReads(3, onlyPaths ? 0 : 30);
      // One round of the day's writes before the measurement (WriteMix.warmUpRound says why), then, once Neo4j may plan
      // again (its index statistics are sampled in the background, and a plan is checked against them at most every
      // dbms.cypher.min_replan_interval, 10 s), the reads measured under the mix once more: the plans made again after
      // the first writes are made here, and their cost is logged, not lost.
      if (writeMix) {
        const took = await writeMix.warmUpRound();
        log(
          `  warm-up writes, one round (not measured): ${Object.entries(took)
            .map(([kind, v]) => (typeof v === "number" ? `${kind} ${Math.round(v)} ms` : `failed: ${v}`))
            .join(", ")}`,
        );
        await new Promise((resolve) => setTimeout(resolve, 12_000));
        const firstReads: string[] = [];
        const timedOnce = async (label: string, read: () => Promise<unknown>): Promise<void> => {
          const { ms } = await timed(read);
          firstReads.push(`${label} ${Math.round(ms)} ms`);
        };
        if (embedding) {
          await timedOnce("embedding", () => ops.embeddingGraphql(someProgrammes[0]!));
          await timedOnce("institution", () => ops.institutionEmbeddingGraphql(someInstitutions[0]!));
        }
        if (someCases[0]) await timedOnce("caseSuggestions", () => ops.suggestionsGraphql(someCases[0]!));
        await timedOnce("caseBoard", () => ops.boardGraphql());
        await timedOnce("generated", () => ops.generatedGraphql());
        log(
          `  the first GraphQL reads after them (Neo4j plans again what the writes made stale; the worker follows the tie write): ${firstReads.join(", ")}`,
        );
        await warmMixedReads(1, 10);
      }
    });

    // The Cypher @neo4j/graphql translated the generated query into, with its parameters (the caller's JWT among them),
    // as the API sent it: run on the bench's driver too, so the generated query's ratio can be split into the API's
    // part and the difference between its Cypher and the hand-written one.
    let translated: { cypher: string; params: Record<string, unknown> } | null = null;
    if (!onlyPaths) {
      await ops.generatedGraphql();
      translated = await api.lastStatement();
      if (translated && !/\bCase\b/.test(translated.cypher)) translated = null;
      if (translated) log(`  The generated query's Cypher, as @neo4j/graphql sent it:\n${translated.cypher}`);
    }
    const generatedTranslatedRaw = async (): Promise<string> => {
      const rows = await db.read(translated!.cypher, translated!.params);
      return rows
        .map((r) => {
          const k = r.this as { id: string; sme: Array<{ name: string }> };
          return `${k.id}:${k.sme[0]?.name ?? ""}`;
        })
        .join(",");
    };

    log("Measuring (GraphQL and raw interleaved)…");
    const measuringStarted = performance.now();
    const seconds = settings.secondsPerOp;
    const operations: OperationResult[] = [];
    // The operations about to be measured, for the progress lines: each is bounded by `seconds` of samples (a sample
    // started before the bound ends is finished, and at least ten are taken), so this is an estimate, not a promise.
    measuring.total = (short ? 0 : 3) + 3 + (embedding ? 2 : 0) + (fullRefresh ? 1 : 0);
    measuring.boundSeconds = measuring.total * seconds;
    log(
      `  ${measuring.total} operations, each at most about ${seconds} s: about ${Math.round(measuring.boundSeconds / 60)} min, then the board's throughput (${4 * settings.throughputSeconds} s).`,
    );
    if (!short)
      operations.push(
        await compare(api, {
          name: "warmPaths (k=3, maxHops=4)",
          items: pairs,
          reps: settings.reps,
          seconds,
          graphql: ops.warmPathsGraphql,
          raw: ops.warmPathsRaw,
          rawBound: settings.raw.warmPaths,
          rawLabel: "findWarmPaths on the driver",
          memory: ops.warmPathsMemory,
          note:
            "one person to another; GraphQL = the analytics worker's search over the ties it holds (WARM_PATHS_IN_MEMORY; " +
            "one read), raw = findWarmPaths' one statement (id checks, ranking, descriptions) on the driver",
        }),
      );
    if (!short && !onlyPaths)
      operations.push(
        await compare(api, {
          name: "warmPaths to a programme (k=3, maxHops=4)",
          items: someProgrammes,
          reps: 6,
          seconds,
          graphql: ops.orgPathsGraphql,
          raw: ops.orgPathsRaw,
          rawBound: settings.raw.orgPaths,
          rawLabel: "findWarmPaths on the driver",
          memory: ops.orgPathsMemory,
          compareEvery: true,
          note:
            "from the workspace's coordinators (hubs at M and L) to every role holder of a programme; GraphQL = the analytics " +
            "worker's search over the ties it holds (WARM_PATHS_IN_MEMORY), raw = findWarmPaths' search in Neo4j; every answer " +
            "compared (all k paths)",
        }),
      );
    if (!onlyPaths)
      operations.push(
        await compare(api, {
          name: "floor: { __typename }",
          writeMix,
          items: [null],
          reps: 60,
          seconds,
          graphql: ops.floorGraphql,
          raw: ops.floorRaw,
          rawLabel: "RETURN 1 on the driver",
          note: "no resolver: the fixed cost of HTTP, token check, limits and Apollo per request, against one trivial Cypher round trip",
        }),
      );
    if (embedding)
      operations.push(
        await compare(api, {
          name: "embedding (one programme)",
          writeMix,
          items: someProgrammes,
          reps: 6,
          seconds,
          graphql: ops.embeddingGraphql,
          raw: ops.embeddingRaw,
          rawBound: settings.raw.embedding,
          rawLabel: "computeProgrammeEmbedding",
        }),
      );
    if (embedding)
      operations.push(
        await compare(api, {
          name: "embedding (one institution)",
          writeMix,
          items: someInstitutions,
          reps: 3,
          seconds,
          graphql: ops.institutionEmbeddingGraphql,
          raw: ops.institutionEmbeddingRaw,
          rawBound: settings.raw.institution,
          rawLabel: "computeInstitutionEmbedding",
          note: "warm (the warm-up asked each once on both sides); GraphQL = the analytics worker, raw = the same code on the driver",
        }),
      );
    if (fullRefresh)
      operations.push(
        await compare(api, {
          name: "embeddingRanking (all)",
          writeMix,
          items: [null],
          reps: 20,
          seconds,
          graphql: ops.rankingGraphql,
          raw: ops.rankingRaw,
          rawLabel: "rankEmbedding",
        }),
      );
    if (!short && !onlyPaths)
      operations.push(
        await compare(api, {
          name: "caseSuggestions (limit 10)",
          writeMix,
          items: someCases,
          reps: settings.reps,
          seconds,
          graphql: ops.suggestionsGraphql,
          raw: ops.suggestionsRaw,
          rawBound: settings.raw.suggestions,
          rawLabel: "suggestCourses",
          note: "GraphQL = the API, its warm paths from the analytics worker; raw = the same suggestCourses on the driver, its warm paths in memory over a tie graph this process holds (Neo4j's search when the worker holds no ties)",
        }),
      );
    if (!onlyPaths)
      operations.push(
        await compare(api, {
          name: "caseBoard (50 cards)",
          writeMix,
          items: [null],
          reps: 60,
          seconds,
          graphql: ops.boardGraphql,
          raw: ops.boardRaw,
          rawLabel: "readCaseBoard Cypher",
        }),
      );
    // With --api-cpu-profile, the API thread's profile while the generated query is measured (one request at a time).
    const generatedProfile = opts.apiCpuProfile ? `${path.resolve(opts.apiCpuProfile)}.generated.cpuprofile` : undefined;
    if (generatedProfile && !onlyPaths) await api.profile("start");
    if (!onlyPaths)
      operations.push(
        await compare(api, {
          name: "generated: cases(limit 50){sme}",
          writeMix,
          items: [null],
          reps: 60,
          seconds,
          graphql: ops.generatedGraphql,
          raw: ops.generatedRaw,
          rawLabel: "hand-written Cypher",
          note: "translated by @neo4j/graphql; raw is an equivalent hand-written query",
        }),
      );
    if (translated)
      operations.push(
        await compare(api, {
          name: "generated: cases(limit 50){sme}, its own Cypher raw",
          items: [null],
          reps: 60,
          seconds,
          graphql: ops.generatedGraphql,
          raw: generatedTranslatedRaw,
          rawLabel: "the Cypher @neo4j/graphql sent, on the driver",
          note:
            "raw = the very statement and parameters @neo4j/graphql translated the query into (taken from the API's last " +
            "statement after the warm-up), so the ratio is the API's own cost alone",
        }),
      );
    if (generatedProfile && !onlyPaths) {
      await api.profile("stop", generatedProfile);
      log(`  The API's CPU profile while the generated query was measured: ${generatedProfile}`);
    }

    steps.push({ step: "Measuring", seconds: Math.round((performance.now() - measuringStarted) / 100) / 10 });
    const throughputs: ThroughputResult[] = [];
    if (onlyPaths)
      await step("Where person to person's time goes (bench/probe-person-paths.ts)", async () => {
        // With --api-cpu-profile, the API thread's profile during the probe.
        const profiled = opts.apiCpuProfile ? `${path.resolve(opts.apiCpuProfile)}.paths.cpuprofile` : undefined;
        if (profiled) await api_.profile("start");
        await probePersonPaths(api_, db, pairs, warmPathsQuery, 3, path.join(opts.out, "probe-person-paths.json"), log);
        if (profiled) {
          await api_.profile("stop", profiled);
          log(`  The API's CPU profile during the probe: ${profiled}`);
        }
      });
    await step("Case board throughput", async () => {
      for (const clients of onlyPaths ? [] : [8, 32]) {
        const profiled = clients === 32 && opts.apiCpuProfile ? path.resolve(opts.apiCpuProfile) : undefined;
        if (profiled) await api_.profile("start");
        throughputs.push(
          await throughput("caseBoard via /graphql", clients, settings.throughputSeconds, 50_000, ops.boardGraphql),
        );
        if (profiled) {
          await api_.profile("stop", profiled);
          log(`  The API's CPU profile during the 32-client board run: ${profiled}`);
        }
        throughputs.push(
          await throughput("readCaseBoard on the driver", clients, settings.throughputSeconds, 50_000, ops.boardRaw),
        );
      }
    });
    const memoryAfter = api.memory();

    const results: BenchResults = {
      scale,
      size,
      command: `npm run bench -- ${custom ? `--people ${opts.people} --ties ${opts.ties}` : `--scale ${scale}`}${opts.pairs ? ` --pairs ${opts.pairs}` : ""}${opts.embedding ? "" : " --no-embedding"}${opts.refresh ? ` --refresh ${opts.refresh}` : ""}${opts.writeMix === 10 ? "" : ` --write-mix ${opts.writeMix}`}${opts.only ? ` --only ${opts.only}` : ""}${opts.apiRoot ? ` --api-root ${opts.apiRoot}` : ""}`,
      date: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        model: os.cpus()[0]?.model ?? "unknown",
        memoryGb: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        loadAverageAtStart: loadAtStart.map((x) => Math.round(x * 10) / 10),
        loadAverageAtEnd: os.loadavg().map((x) => Math.round(x * 10) / 10),
      },
      graph: {
        reused: prepared.reused,
        generatedAt: prepared.marker.generatedAt,
        nodes: prepared.marker.generation.nodes,
        relationships: prepared.marker.generation.relationships,
        loadSeconds: Math.round(prepared.marker.generation.ms / 100) / 10,
        relationshipsPerSecond: prepared.marker.generation.relationshipsPerSecond,
        knowsPerSecond: prepared.marker.generation.knows.relationshipsPerSecond,
        path: prepared.marker.generation.path ?? "cypher",
        ...loadWithoutStart(prepared.marker.generation),
        suggestionCountsMs: prepared.marker.suggestionCountsMs,
      },
      inMemoryLoadMs: loaded ? Math.round(loaded.ms) : 0,
      embeddingRefresh: refresh
        ? { ms: Math.round(refresh.ms), programmes: refresh.value.programmes, institutions: refresh.value.institutions }
        : null,
      embeddingRefreshEstimate:
        embedding && !fullRefresh
          ? (() => {
              const one = operations.find((o) => o.name.startsWith("embedding ("))?.raw.p50 ?? Number.NaN;
              return { ms: Math.round((programmes.length * one) / 4), programmes: programmes.length, oneProgrammeMs: one };
            })()
          : null,
      apiMemory: {
        idleRssMb: memoryIdle.rssMb,
        withTiesRssMb: held.rssMb,
        afterRssMb: memoryAfter.rssMb,
        peakRssMb: memoryAfter.peakRssMb,
      },
      tieGraphRead: held.read,
      operations,
      throughput: throughputs,
      writeMix: writeMix?.result() ?? null,
      totalSeconds: Math.round((Date.now() - runStarted) / 1000),
      steps,
    };
    mkdirSync(opts.out, { recursive: true });
    const written = writeBenchResults(results, opts.out);
    process.stdout.write(`${readFileSync(written.markdown, "utf8")}\n`);
    log(`Wrote ${path.relative(process.cwd(), written.markdown)} and ${path.relative(process.cwd(), written.json)}.`);
    const failedSamples = operations.reduce((s, o) => s + (o.errors ? o.errors.graphql + o.errors.raw : 0), 0);
    if (failedSamples > 0) {
      log(`${failedSamples} samples failed (see the table).`);
      process.exitCode = 1;
    }
    const disagreements = operations.reduce((s, o) => s + o.disagreements, 0);
    if (disagreements > 0) {
      log(`${disagreements} answers differed between the sides (see the table).`);
      process.exitCode = 1;
    }
    // A mix that stopped writing a kind measures the reads under fewer writes than it says (#19 part 5).
    const missing = results.writeMix ? missingWriteKinds(results.writeMix) : [];
    if (missing.length > 0) {
      log(`The write mix never wrote: ${missing.join(", ")} (see its failures in the table).`);
      process.exitCode = 1;
    }
  } finally {
    await api?.stop().catch(() => {});
    if (undo) {
      const what = undo.counts();
      // Left undone (Neo4j failed), the pending mark stays and the next run generates the graph again.
      await undo
        .undo()
        .then(() =>
          log(
            `Took the write mix back out: ${what.cases} cases, ${what.smes} SMEs, ${what.interactions} interactions, the ties of ${what.pairs} pairs.`,
          ),
        )
        .catch((error: unknown) => log(`The write mix's undo failed (the graph will be generated again): ${String(error)}`));
    }
    await db.close().catch(() => {});
    await prepared.embedded.stop().catch(() => {});
  }
}

main().catch((error: unknown) => {
  log(`Bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});

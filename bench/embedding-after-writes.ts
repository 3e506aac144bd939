import { fork, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { Command, InvalidArgumentError } from "commander";
import { signToken } from "../server/platform/auth/sign-token.js";
import { UserStore } from "../server/platform/auth/UserStore.js";
import { loadConfig } from "../server/platform/config.js";
import type { Database } from "../server/platform/neo4j/database.js";
import { computeProgrammeEmbedding } from "../server/domains/network/compute-embedding.js";
import { resolveWorkspace } from "../server/domains/network/resolve-workspace.js";
import { scales, type ScaleName } from "../seed/synthetic/index.js";
import { Random } from "../seed/synthetic/Random.js";
import type { ApiReady } from "./api-process.js";
import { prepareGraph, writeMixPendingFile } from "./prepare-graph.js";
// @ts-expect-error -- a plain ES module script without types (scripts/build-server.mjs)
import { buildServer } from "../scripts/build-server.mjs";
import { summariseLatencies, timed, type LatencySummary } from "./summarise-latencies.js";
import { WriteMixUndo } from "./undo-write-mix.js";
import { WriteMix, writeKinds, type WriteKind } from "./write-mix.js";

/**
 * `npx tsx bench/embedding-after-writes.ts --scale L`: what `embedding(programme)` costs right after each of the write
 * mix's writes (bench/write-mix.ts: intake, proposal, answer, match, interaction), through /graphql, with the analytics
 * worker of one or more API processes ("ways", each with its own environment) against one Neo4j, side by side: every
 * write is followed by `--reads` reads of the bench's programmes on every way, the ways' order alternating, so the
 * first read after a write is each way's first at the new state. Every answer is compared with the others' and with
 * the database's way (computeProgrammeEmbedding in this process, without a held graph: the WarmTieStore).
 *
 * The API's own log lines about the held tie graph (TieGraphStore: a follow, a full read, the database's warm ties
 * answering meanwhile) are kept with the write they came after, so each slow read can be told by what the worker did.
 * What the mix wrote is taken out again at the end (bench/undo-write-mix.ts). Results:
 * bench/results/embedding-after-writes-<scale>.{md,json}.
 */

const projectRoot = fileURLToPath(new URL("../", import.meta.url));

/** The ways an API can run: the environment each API process gets on top of the bench's. */
const wayEnvironments: Record<string, Record<string, string>> = {
  // Before session 11: every tie write gives the next request new warm lists and an empty thread memo.
  before: { WARM_TIES_CARRY_OVER: "off" },
  after: { WARM_TIES_CARRY_OVER: "on" },
  // Session 12: a tie write that names its pair followed by reading all the ties of both people (before) or the pair's.
  people: { WARM_TIES_CARRY_OVER: "on", TIE_FOLLOW_PAIRS: "off" },
  pairs: { WARM_TIES_CARRY_OVER: "on", TIE_FOLLOW_PAIRS: "on" },
  // Session 16: a committed tie write followed by the worker at once (the writes go through the first way's API, so only
  // its worker is told: list "current" first) or at the next request that needs the graph.
  atRead: { TIE_FOLLOW_AT_COMMIT: "off" },
  current: {},
};

const opts = new Command()
  .option(
    "--scale <S|M|L>",
    "the bench's graph (bench/.data/<scale>, generated if missing)",
    (v) => {
      const s = v.toUpperCase();
      if (s !== "S" && s !== "M" && s !== "L") throw new InvalidArgumentError("expected S, M or L.");
      return s as ScaleName;
    },
    "L" as ScaleName,
  )
  .option("--rounds <n>", "rounds of the five writes", (v) => Number(v), 2)
  .option("--reads <n>", "reads of embedding(programme) per way after each write", (v) => Number(v), 5)
  .option(
    "--pause <ms>",
    "wait this long after each write before its reads (a coordinator's rhythm: a write, then a look a moment later)",
    (v) => Number(v),
    0,
  )
  .option("--ways <list>", `comma-separated, of ${Object.keys(wayEnvironments).join(", ")}`, "before,after")
  .option(
    "--watch-neo4j",
    "during each read, list Neo4j's running statements every 200 ms (SHOW TRANSACTIONS: status planning/running/" +
      "waiting, times) into the results, with the plans Neo4j's debug.log says it discarded as stale meanwhile: what a " +
      "slow read waits for",
  )
  .option("--data <dir>", "where the bench's Neo4j keeps each scale", path.join(projectRoot, "bench/.data"))
  .option("--out <dir>", "where the tables go", path.join(projectRoot, "bench/results"))
  .parse()
  .opts<{
    scale: ScaleName;
    rounds: number;
    reads: number;
    pause: number;
    ways: string;
    watchNeo4j?: boolean;
    data: string;
    out: string;
  }>();

/** What Neo4j was running at one moment during a first read (SHOW TRANSACTIONS), ours left out. */
interface Neo4jSample {
  at: string;
  running: Array<{ query: string; status: string; elapsedMs: number; cpuMs: number | null; waitMs: number | null }>;
}

const SHOW_RUNNING = `SHOW TRANSACTIONS
YIELD currentQuery, currentQueryStatus, currentQueryElapsedTime, currentQueryCpuTime, currentQueryWaitTime
WHERE currentQuery IS NOT NULL AND NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS'
RETURN currentQuery AS query, currentQueryStatus AS status, currentQueryElapsedTime.milliseconds AS elapsedMs,
       currentQueryCpuTime.milliseconds AS cpuMs, currentQueryWaitTime.milliseconds AS waitMs`;

/** Samples Neo4j's running statements every 200 ms until `done` settles. */
async function watchNeo4j(db: Database, done: Promise<unknown>): Promise<Neo4jSample[]> {
  const samples: Neo4jSample[] = [];
  let finished = false;
  void done.finally(() => (finished = true)).catch(() => {});
  while (!finished) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    if (finished) break;
    const at = new Date().toISOString();
    const rows = await db.read(SHOW_RUNNING).catch(() => []);
    samples.push({
      at,
      running: rows.map((r) => ({
        query: String(r.query).replace(/\s+/g, " ").slice(0, 160),
        status: String(r.status),
        elapsedMs: Number(r.elapsedMs),
        cpuMs: r.cpuMs === null ? null : Number(r.cpuMs),
        waitMs: r.waitMs === null ? null : Number(r.waitMs),
      })),
    });
  }
  return samples;
}

const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

const EMBEDDING = `query($p: ID!) {
  embedding(programme: $p) {
    id level threads roleHolders reachedRoleHolders warmThreshold maxHops verdict verdictReasonEn verdictReasonNl colour
    threadPaths { people { id } }
    singlePointsOfFailure { person { id } whyEn whyNl }
    ... on ProgrammeEmbedding { rungs { level holds reasonEn reasonNl } }
  }
}`;

interface EmbeddingKey {
  id: string;
  level: number;
  threads: number;
  roleHolders: number;
  reachedRoleHolders: number;
  warmThreshold: number;
  maxHops: number;
  verdict: string;
  verdictReasonEn: string;
  verdictReasonNl: string;
  colour: string;
  threadPaths: Array<{ people: Array<{ id: string }> }>;
  singlePointsOfFailure: Array<{ person: { id: string }; whyEn: string; whyNl: string }>;
  rungs: Array<{ level: number; holds: boolean; reasonEn: string; reasonNl: string }>;
}

/** The fields asked for, in one order: the same text for the API's answer and the database's way. */
function keyOf(e: EmbeddingKey): string {
  return JSON.stringify([
    e.id,
    e.level,
    e.threads,
    e.roleHolders,
    e.reachedRoleHolders,
    e.warmThreshold,
    e.maxHops,
    e.verdict,
    e.verdictReasonEn,
    e.verdictReasonNl,
    e.colour,
    e.threadPaths.map((t) => t.people.map((p) => p.id)),
    e.singlePointsOfFailure.map((s) => [s.person.id, s.whyEn, s.whyNl]),
    e.rungs.map((r) => [r.level, r.holds, r.reasonEn, r.reasonNl]),
  ]);
}

interface Api {
  way: string;
  child: ChildProcess;
  graphql<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** The worker's lines about the held tie graph since the last call. */
  takeLines(): string[];
  held: Promise<void>;
}

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

function apiNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(projectRoot, "package.json"), "utf8")) as { scripts: { start: string } };
  return pkg.scripts.start.split(" ").filter((word) => /^--max-(old|semi)-space-size=\d+$/.test(word));
}

/** The API as the bench runs it (bench/run.ts startApi), with the way's environment; its stderr read line by line. */
async function startApi(way: string, neo4jUri: string, db: Database): Promise<Api> {
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
    RATE_LIMIT_PER_MINUTE: "1000000000",
    EMBEDDING_REFRESH_MINUTES: "0",
    ...wayEnvironments[way],
  };
  const child = fork(path.join(projectRoot, "dist/bench/api-process.js"), [], {
    env,
    execArgv: apiNodeFlags(),
    stdio: ["ignore", "inherit", "pipe", "ipc"],
  });
  const lines: string[] = [];
  let heldResolve: () => void = () => {};
  const held = new Promise<void>((resolve) => (heldResolve = resolve));
  createInterface({ input: child.stderr! }).on("line", (line) => {
    if (/tie graph|tie log|warm ties/i.test(line)) {
      lines.push(line);
      log(`  [${way}] ${line}`);
      if (line.includes("Warm-path tie graph read into memory")) heldResolve();
    } else if (line.trim() !== "") log(`  [${way}] ${line}`);
  });
  const url = await new Promise<string>((resolve, reject) => {
    const onMessage = (message: unknown): void => {
      if ((message as ApiReady).type === "ready") {
        child.off("exit", onExit);
        resolve((message as ApiReady).url);
      }
    };
    const onExit = (code: number | null): void =>
      reject(new Error(`The ${way} API ended with code ${code} before it was ready.`));
    child.on("message", onMessage);
    child.once("exit", onExit);
  });
  const account = await benchAccount(db);
  const { token } = await signToken(
    { JWT_SECRET: secret, JWT_TTL: "8h", NODE_ENV: "production" },
    { id: account.id, roles: ["COORDINATOR"] },
    account.tokenVersion,
  );
  return {
    way,
    child,
    held,
    takeLines: () => lines.splice(0, lines.length),
    async graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> };
      if (body.errors?.length || !body.data) {
        const first = body.errors?.[0];
        throw new Error(`GraphQL ${response.status}: ${first?.extensions?.code ?? ""} ${first?.message ?? "no data"}`);
      }
      return body.data;
    },
  };
}

/** One write of the mix as the run saw it: its round and kind, whether it went through, its time, and each API's log lines. */
interface WriteEvent {
  round: number;
  kind: WriteKind;
  ok: boolean;
  writeMs: number;
  writeAt: string;
  lines: Record<string, string[]>;
}

interface Read {
  way: string;
  round: number;
  after: WriteKind;
  /** 0: the first read after the write (of this way). */
  index: number;
  programme: string;
  ms: number;
  /** When it started (UTC): to line up with Neo4j's debug.log (plans discarded from its query cache). */
  at: string;
  /** With --watch-neo4j: what Neo4j ran meanwhile. */
  neo4j?: Neo4jSample[];
}

async function main(): Promise<void> {
  const ways = opts.ways.split(",").map((w) => w.trim());
  for (const way of ways) if (!(way in wayEnvironments)) throw new Error(`Unknown way "${way}".`);
  const config = loadConfig({ ...process.env, LOG_LEVEL: "warn" });
  const size = scales[opts.scale];
  const loadAtStart = os.loadavg();
  const started = new Date();
  const prepared = await prepareGraph(config, opts.scale, size, opts.data, log);
  const db = prepared.db;
  const apis: Api[] = [];
  const undo = new WriteMixUndo(db, writeMixPendingFile(opts.data, opts.scale));
  try {
    // The bench's picks (bench/run.ts): 40 warm-path pairs (80 draws), 5 programmes, 3 institutions, 20 cases.
    const random = new Random(size.seed + 7);
    for (let i = 0; i < 80; i++) random.next();
    const programmes = (await db.read("MATCH (p:Programme) RETURN p.id AS id ORDER BY id")).map((r) => String(r.id));
    const cases = (await db.read("MATCH (k:Case) RETURN k.id AS id ORDER BY id")).map((r) => String(r.id));
    const someProgrammes = random.sample(programmes, 5);
    const institutions = (await db.read("MATCH (i:Institution) RETURN i.id AS id ORDER BY id")).map((r) => String(r.id));
    random.sample(institutions, 3);
    const coordinator = (await resolveWorkspace(db, null)).coordinatorIds[0]!;
    const someCases = random.sample(cases, 20);
    log(`Programmes ${someProgrammes.join(", ")}; coordinator ${coordinator}.`);

    await buildServer();
    for (const way of ways) apis.push(await startApi(way, prepared.embedded.uri, db));
    log("Waiting for every worker to hold the tie graph…");
    await Promise.all(apis.map((a) => a.held));

    const mix = new WriteMix(
      (q, v) => apis[0]!.graphql(q, v),
      10,
      coordinator,
      `ew${Date.now().toString(36)}`,
      [...someCases, ...cases.filter((c) => !someCases.includes(c))].slice(0, 200),
      undo,
    );
    // Warm-up: each programme once on every way and the database's way (memos filled, plans cached).
    for (const p of someProgrammes) {
      for (const api of apis) await api.graphql(EMBEDDING, { p });
      await computeProgrammeEmbedding(db, p, {});
    }
    for (const api of apis) api.takeLines();

    const reads: Read[] = [];
    const events: WriteEvent[] = [];
    let compared = 0;
    let differ = 0;
    const examples: string[] = [];
    let turn = 0;
    for (let round = 0; round < opts.rounds; round++) {
      for (const kind of writeKinds) {
        const errorsBefore = mix.result().errors[kind];
        const writeAt = new Date().toISOString();
        const { ms: writeMs } = await timed(() => mix.writeNext());
        const ok = mix.result().errors[kind] === errorsBefore;
        log(`round ${round} ${kind}: ${ok ? "written" : "FAILED"} in ${Math.round(writeMs)} ms`);
        if (opts.pause > 0) await new Promise((resolve) => setTimeout(resolve, opts.pause));
        for (let index = 0; index < opts.reads; index++) {
          const programme = someProgrammes[(index + round) % someProgrammes.length]!;
          // The ways' order alternates, so neither is always the first to meet what the write left.
          const order = turn++ % 2 === 0 ? apis : [...apis].reverse();
          const answers: string[] = [];
          for (const api of order) {
            const at = new Date().toISOString();
            const asked = timed(() => api.graphql<{ embedding: EmbeddingKey }>(EMBEDDING, { p: programme }));
            const watched = opts.watchNeo4j ? watchNeo4j(db, asked) : undefined;
            const { ms, value } = await asked;
            const neo4j = watched ? await watched : undefined;
            reads.push({ way: api.way, round, after: kind, index, programme, ms, at, ...(neo4j ? { neo4j } : {}) });
            answers.push(keyOf(value.embedding));
          }
          const database = keyOf((await computeProgrammeEmbedding(db, programme, {})) as unknown as EmbeddingKey);
          for (const answer of answers) {
            compared += 1;
            if (answer !== database) {
              differ += 1;
              if (examples.length < 3) examples.push(`${programme} after ${kind}: api ${answer} | database ${database}`);
            }
          }
        }
        events.push({ round, kind, ok, writeMs, writeAt, lines: Object.fromEntries(apis.map((a) => [a.way, a.takeLines()])) });
      }
    }

    // Neo4j's own word on plans it threw away as stale during the run (the statistics moved past its threshold): the
    // statement is planned again by the next request that runs it.
    const debugLog = path.join(opts.data, opts.scale, "logs", "debug.log");
    const replans = existsSync(debugLog)
      ? readFileSync(debugLog, "utf8")
          .split("\n")
          .filter(
            (line) =>
              line.includes("Discarded stale query") && line.slice(0, 23).replace(" ", "T") >= started.toISOString().slice(0, 23),
          )
          .map((line) => line.replace(/ \[o\.n\.c\.i\.c\.CypherQueryCaches\] \[[^\]]*\]/, "").slice(0, 400))
      : [];
    const summary = (list: Read[]): LatencySummary => summariseLatencies(list.map((r) => r.ms));
    const rows = ways.flatMap((way) => {
      const mine = reads.filter((r) => r.way === way);
      return [
        { way, reads: "every read", latency: summary(mine) },
        { way, reads: "first read after a write", latency: summary(mine.filter((r) => r.index === 0)) },
        ...writeKinds.map((kind) => ({
          way,
          reads: `first read after ${kind}`,
          latency: summary(mine.filter((r) => r.index === 0 && r.after === kind)),
        })),
        { way, reads: "later reads", latency: summary(mine.filter((r) => r.index > 0)) },
      ];
    });
    const result = {
      scale: opts.scale,
      command: `npx tsx bench/embedding-after-writes.ts --scale ${opts.scale} --rounds ${opts.rounds} --reads ${opts.reads}${opts.pause > 0 ? ` --pause ${opts.pause}` : ""} --ways ${ways.join(",")}${opts.watchNeo4j ? " --watch-neo4j" : ""}`,
      date: started.toISOString(),
      loadAverageAtStart: loadAtStart.map((x) => Math.round(x * 100) / 100),
      loadAverageAtEnd: os.loadavg().map((x) => Math.round(x * 100) / 100),
      programmes: someProgrammes,
      compared,
      differ,
      examples,
      writes: mix.result(),
      rows,
      events,
      replans,
      reads,
      totalSeconds: Math.round((Date.now() - started.getTime()) / 1000),
    };
    mkdirSync(opts.out, { recursive: true });
    const base = path.join(opts.out, `embedding-after-writes-${opts.scale}`);
    writeFileSync(`${base}.json`, `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(`${base}.md`, markdown(result));
    process.stdout.write(markdown(result));
    if (differ > 0) process.exitCode = 1;
  } finally {
    for (const api of apis) api.child.kill("SIGTERM");
    await undo.undo().catch((error: unknown) => log(`The undo failed: ${String(error)}`));
    await db.close().catch(() => {});
    await prepared.embedded.stop().catch(() => {});
  }
}

function markdown(r: {
  scale: string;
  command: string;
  date: string;
  loadAverageAtStart: number[];
  loadAverageAtEnd: number[];
  programmes: string[];
  compared: number;
  differ: number;
  examples: string[];
  rows: Array<{ way: string; reads: string; latency: LatencySummary }>;
  events: WriteEvent[];
  replans: string[];
  reads: Read[];
  totalSeconds: number;
}): string {
  const lines = [
    `## embedding(programme) right after each write of the mix, scale ${r.scale} (${r.date.slice(0, 16).replace("T", " ")} UTC)`,
    "",
    `Command: \`${r.command}\` — ${r.totalSeconds} s in all. Load average ${r.loadAverageAtStart.join(" / ")} at the start, ` +
      `${r.loadAverageAtEnd.join(" / ")} at the end (1/5/15 min). Programmes ${r.programmes.join(", ")}. Answers equal to the ` +
      `database's way (computeProgrammeEmbedding without a held graph): ${r.compared - r.differ} of ${r.compared}.`,
    "",
    "| way | reads | samples | p50 ms | p95 ms | mean ms | max ms |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ...r.rows.map(
      (row) =>
        `| ${row.way} | ${row.reads} | ${row.latency.samples} | ${row.latency.p50} | ${row.latency.p95} | ${row.latency.mean} | ${row.latency.max} |`,
    ),
    "",
    "Each write, the first read after it per way (ms), and what the worker logged about its tie graph in between:",
    "",
  ];
  for (const e of r.events) {
    const firsts = r.reads
      .filter((x) => x.round === e.round && x.after === e.kind && x.index === 0)
      .map((x) => `${x.way} ${Math.round(x.ms)}`)
      .join(", ");
    const said = Object.entries(e.lines)
      .map(([way, ls]) => `${way}: ${ls.map((l) => l.replace(/^\S+ INFO +/, "")).join("; ") || "nothing"}`)
      .join(" / ");
    lines.push(
      `- round ${e.round}, ${e.kind} (${e.writeAt.slice(11, 23)}, ${e.ok ? "written" : "failed"}, ${Math.round(e.writeMs)} ms): ` +
        `first read ${firsts}. ${said}`,
    );
  }
  // The worker's follows of the held tie graph per way, with their parts when it logged them (TieGraphStore).
  const follows = new Map<string, Array<Record<string, number>>>();
  for (const e of r.events) {
    for (const [way, said] of Object.entries(e.lines)) {
      for (const line of said) {
        const fields = /followed the tie writes (\{.*\})/.exec(line)?.[1];
        if (!fields) continue;
        try {
          (follows.get(way) ?? follows.set(way, []).get(way)!).push(JSON.parse(fields) as Record<string, number>);
        } catch {
          // Not the worker's JSON: left out of the table.
        }
      }
    }
  }
  if (follows.size > 0) {
    lines.push(
      "",
      "The worker's follows of its held tie graph (ms, in write order; parts: tie log read / ties read / version read / applied):",
      "",
      "| way | people, pairs read | follow ms | parts |",
      "| --- | --- | --- | --- |",
    );
    for (const [way, list] of follows) {
      const parts = list.map((f) => (f.tiesMs === undefined ? "—" : `${f.logMs} / ${f.tiesMs} / ${f.versionMs} / ${f.applyMs}`));
      lines.push(
        `| ${way} | ${list.map((f) => `${f.people ?? 0}, ${f.pairs ?? 0}`).join("; ")} | ${list.map((f) => f.ms).join(", ")} | ${parts.join("; ")} |`,
      );
    }
  }
  if (r.replans.length > 0) {
    lines.push("", "Plans Neo4j discarded as stale during the run (its debug.log), to line up with the reads' times:", "");
    for (const line of r.replans) lines.push(`- ${line}`);
  }
  const watchedSlow = r.reads.filter((x) => x.neo4j && x.ms > 500);
  if (watchedSlow.length > 0) {
    lines.push(
      "",
      "What Neo4j ran during the reads over 500 ms (SHOW TRANSACTIONS every 200 ms; status, elapsed / cpu / wait ms):",
      "",
    );
    for (const x of watchedSlow) {
      lines.push(
        `- ${x.way}, round ${x.round} after ${x.after}, ${x.programme}, ${Math.round(x.ms)} ms from ${x.at.slice(11, 23)}:`,
      );
      for (const sample of x.neo4j!) {
        const said = sample.running
          .map((q) => `${q.status} ${q.elapsedMs}/${q.cpuMs ?? "?"}/${q.waitMs ?? "?"} \`${q.query.slice(0, 90)}\``)
          .join("; ");
        lines.push(`  - ${sample.at.slice(11, 23)}: ${said || "nothing"}`);
      }
    }
  }
  if (r.examples.length > 0) lines.push("", "Differences:", ...r.examples.map((x) => `- ${x}`));
  return `${lines.join("\n")}\n`;
}

main().catch((error: unknown) => {
  log(`embedding-after-writes failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});

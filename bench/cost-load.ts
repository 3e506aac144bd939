import { fork, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Command } from "commander";
import { demoUsers } from "../server/platform/auth/ensure-demo-users.js";
import type { AttackDone, AttackOrder } from "./cost-load-attacker.js";
import type { CostApiLoop, CostApiReady } from "./cost-load-api.js";
import { post } from "./post-operation.js";
import { percentile } from "./summarise-latencies.js";
import { processCpuSeconds, threadCpuSeconds, threadCpuSince, topThreads } from "./thread-cpu.js";

/**
 * One user's worst requests against everyone else (issue 13): the other users' p95 of an ordinary query while one
 * VIEWER sends, over and over from several connections at once, each of the floods (now refused) and the
 * worst requests the limits still allow — side by side with idle, in the same run: per attack, `rounds` pairs of
 * an idle window of `seconds` and an attack window from the first of the attacker's requests to the answer of the
 * last (sent during `seconds`), the idle and attack latencies pooled per attack. The promise: the ratio stays within 2×.
 *
 * The product runs in a process of its own (bench/cost-load-api.ts) with its default limits, its own rate limit
 * included (600 a minute per user; `--raw-rate` raises it, so the floods reach the cost limits as fast as the
 * attacker can send), against a throw-away embedded Neo4j with the demo data (or NEO4J_URI). The other users (the
 * demo ANALYST, COORDINATOR and ADMIN) each send the ordinary query every `--every` ms without waiting for the answer
 * (an open loop: a slow answer does not slow the measurement down), below their rate limit. The attacker sends from
 * a third process (bench/cost-load-attacker.ts): in this one, building and reading a flood's requests delayed the
 * other users' measured answers (up to 2.9× for the anonymous flood) though the API had answered them.
 *
 * Per window type it also says where the time went: the API's event-loop delay (p99, max), the CPU of the API
 * process and of the embedded Neo4j's JVM in % of one core — the JVM's also per kind of thread (the query's Bolt
 * worker, the garbage collector, the JIT compilers; bench/thread-cpu.ts) — and the machine's 1-minute load average
 * (sampled each second: other work on the machine shows there). It also says whether its warmPaths were searched in the
 * analytics worker's memory or in Neo4j (they start from the coordinators; in memory only when the graph has a tie version).
 *
 *   npx tsx bench/cost-load.ts [--seconds 5] [--rounds 3] [--attackers 4] [--every 140] [--only <text>]
 *     [--raw-rate] [--set NAME=value …] [--out bench/results/cost-load.json]
 */
const program = new Command()
  .option("--seconds <n>", "length of each idle and each attack window", "5")
  .option("--rounds <n>", "idle/attack window pairs per attack", "3")
  .option("--attackers <n>", "the one user's parallel connections", "4")
  .option("--every <ms>", "each other user sends the ordinary query this often", "140")
  .option("--only <text>", "only the attacks whose name holds this text")
  .option("--raw-rate", "raise the rate limit (the server's own cost of refusing, not the product's)")
  .option("--set <name=value...>", "product settings for this run, e.g. HEAVY_REQUESTS_TOTAL=16")
  .option("--out <file>", "where to write the figures as JSON", "bench/results/cost-load.json")
  .parse();
const opts = program.opts<{
  seconds: string;
  rounds: string;
  attackers: string;
  every: string;
  only?: string;
  rawRate?: boolean;
  set?: string[];
  out: string;
}>();

const aliases = (count: number, field: string) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(" ")} }`;
const ORDINARY = `{ institutions(limit: 20, sort: [{ name: ASC }]) { id name programmes(limit: 10) { name } } }`;

interface Attack {
  name: string;
  query: (institution: string) => string;
  anonymous?: boolean;
}

const attacks: Attack[] = [
  {
    name: "flood: 500 × warmPaths(k: 100000, maxHops: 6)",
    query: (to) => aliases(500, `warmPaths(to: "${to}", k: 100000, maxHops: 6) { score }`),
  },
  {
    name: "flood: 200 × nextBestContacts(maxHops: 6, limit: 1000)",
    query: (to) => aliases(200, `nextBestContacts(institution: "${to}", maxHops: 6, limit: 1000) { person { name } }`),
  },
  { name: "flood: anonymous 1500 × databaseStatus", query: () => aliases(1500, "databaseStatus { reachable }"), anonymous: true },
  {
    name: "worst allowed: 2 × warmPaths(k: 50, maxHops: 6)",
    query: (to) => aliases(2, `warmPaths(to: "${to}", k: 50, maxHops: 6) { score hops steps { person { name } } }`),
  },
  {
    name: "worst allowed: nextBestContacts(maxHops: 6, limit: 1000) + embedding(maxHops: 6)",
    query: (to) =>
      `{ n: nextBestContacts(institution: "${to}", maxHops: 6, limit: 1000) { person { name } } ` +
      `e: embedding(institution: "${to}", maxHops: 6) { level } }`,
  },
  {
    name: "worst allowed: impactIfGone(maxHops: 5)",
    query: (to) => `{ impactIfGone(person: "${to}", maxHops: 5) { __typename } }`,
  },
];

function startApi(overrides: Record<string, string>): Promise<{ child: ChildProcess; ready: CostApiReady }> {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), "cost-load-api.ts");
  const child = fork(script, [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, COST_LOAD_OVERRIDES: JSON.stringify(overrides) },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the API process ended (${code}) before it was ready`)));
    child.on("message", (message: { type?: string }) => {
      if (message.type === "ready") resolve({ child, ready: message as CostApiReady });
    });
  });
}

/** The attacker's own process (cost-load-attacker.ts), so its requests do not delay the measuring event loop. */
function startAttacker(): ChildProcess {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), "cost-load-attacker.ts");
  return fork(script, [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
}

function orderAttack(attacker: ChildProcess, order: AttackOrder): Promise<AttackDone> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`the attacker process ended (${code}) during an attack`));
    const onMessage = (message: { type?: string }) => {
      if (message.type !== "done") return;
      attacker.off("message", onMessage);
      attacker.off("exit", onExit);
      resolve(message as AttackDone);
    };
    attacker.on("message", onMessage);
    attacker.once("exit", onExit);
    attacker.send(order);
  });
}

function askLoop(child: ChildProcess): Promise<CostApiLoop> {
  return new Promise((resolve) => {
    const onMessage = (message: { type?: string }) => {
      if (message.type !== "loop") return;
      child.off("message", onMessage);
      resolve(message as CostApiLoop);
    };
    child.on("message", onMessage);
    child.send({ type: "loop" });
  });
}

/** The figures of one kind of window (idle or attack) of one attack, all its rounds pooled. */
interface Pool {
  latencies: number[];
  failures: number;
  failureCodes: Map<string, number>;
  wallSeconds: number;
  apiCpuSeconds: number;
  jvmCpuSeconds: number;
  /** The JVM's CPU per kind of thread (query workers, garbage collector, JIT…): where Neo4j's share goes. */
  jvmThreads: Map<string, number>;
  /** The attacker's own process and this one (the other users' clients): the rest of the 2 cores' users. */
  attackerCpuSeconds: number;
  benchCpuSeconds: number;
  loopP99Ms: number[];
  loopMaxMs: number;
  load: number[];
}

const newPool = (): Pool => ({
  latencies: [],
  failures: 0,
  failureCodes: new Map(),
  wallSeconds: 0,
  apiCpuSeconds: 0,
  jvmCpuSeconds: 0,
  jvmThreads: new Map(),
  attackerCpuSeconds: 0,
  benchCpuSeconds: 0,
  loopP99Ms: [],
  loopMaxMs: 0,
  load: [],
});

function summary(pool: Pool) {
  const sorted = [...pool.latencies].sort((a, b) => a - b);
  const percentOfCore = (seconds: number) => Number(((100 * seconds) / Math.max(0.001, pool.wallSeconds)).toFixed(0));
  const round1 = (x: number) => Number(x.toFixed(1));
  return {
    otherRequests: sorted.length,
    otherFailures: pool.failures,
    ...(pool.failureCodes.size > 0 ? { otherFailureCodes: Object.fromEntries(pool.failureCodes) } : {}),
    otherP50Ms: round1(percentile(sorted, 50)),
    otherP95Ms: round1(percentile(sorted, 95)),
    eventLoopDelayP99Ms: round1(Math.max(...pool.loopP99Ms)),
    eventLoopDelayMaxMs: round1(pool.loopMaxMs),
    apiCpuPercentOfCore: percentOfCore(pool.apiCpuSeconds),
    neo4jCpuPercentOfCore: percentOfCore(pool.jvmCpuSeconds),
    neo4jThreadsPercentOfCore: topThreads(pool.jvmThreads, pool.wallSeconds, 5),
    attackerCpuPercentOfCore: percentOfCore(pool.attackerCpuSeconds),
    benchCpuPercentOfCore: percentOfCore(pool.benchCpuSeconds),
    loadAverage1m: { min: Math.min(...pool.load), max: Math.max(...pool.load) },
  };
}

async function main(): Promise<void> {
  const seconds = Number(opts.seconds);
  const rounds = Number(opts.rounds);
  const attackers = Number(opts.attackers);
  const every = Number(opts.every);
  const settings: Record<string, string> = Object.fromEntries(
    (opts.set ?? []).map((pair) => {
      const at = pair.indexOf("=");
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
  // The product's own rate limit unless --raw-rate (demo-product.ts raises it for the other benches).
  const overrides = { RATE_LIMIT_PER_MINUTE: opts.rawRate ? "10000000" : "600", ...settings };
  process.stderr.write(`Starting the API process with ${JSON.stringify(overrides)}…\n`);
  const { child, ready } = await startApi(overrides);
  const attacker = startAttacker();
  const loadSamples: number[] = [];
  const sampler = setInterval(() => loadSamples.push(os.loadavg()[0]!), 1000);
  try {
    const url = ready.url;
    const signIn = async (role: string): Promise<string> => {
      const user = demoUsers.find((u) => u.roles.includes(role as never));
      if (!user) throw new Error(`no demo ${role}`);
      const answer = await post(url, `mutation { login(email: "${user.email}", password: "${user.password}") { token } }`);
      return (answer.data?.login as { token: string }).token;
    };
    const attackerToken = await signIn("VIEWER");
    const others = [await signIn("ANALYST"), await signIn("COORDINATOR"), await signIn("ADMIN")];
    const institution = (
      (await post(url, `{ institutions(limit: 1, sort: [{ name: ASC }]) { id } }`, others[0])).data?.institutions as Array<{
        id: string;
      }>
    )[0]!.id;
    // impactIfGone asks for a person: the workspace's first coordinator (a hub of the demo network).
    const coordinator = String(
      (
        (await post(url, `{ people(limit: 1, sort: [{ id: ASC }], where: { coordinatorOf: { some: {} } }) { id } }`, others[0]))
          .data?.people as Array<{ id: string }>
      )[0]?.id,
    );
    for (let i = 0; i < 10; i++) for (const token of others) await post(url, ORDINARY, token); // warm up

    /** The other users' paced requests while `going()`, open loop; resolves when every answer is in. */
    const measure = async (going: () => boolean, pool: Pool) => {
      const inFlight: Array<Promise<void>> = [];
      const started = performance.now();
      for (let tick = 0; going(); tick++) {
        for (const token of others) {
          inFlight.push(
            post(url, ORDINARY, token).then((answer) => {
              pool.latencies.push(answer.ms);
              if (answer.code !== "OK") {
                pool.failures++;
                pool.failureCodes.set(answer.code, (pool.failureCodes.get(answer.code) ?? 0) + 1);
              }
            }),
          );
        }
        const next = started + (tick + 1) * every;
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
      }
      await Promise.all(inFlight);
    };

    /** One window: the other users measured, with or without the attacker; CPU, loop delay and load recorded. */
    const window = async (pool: Pool, attack?: Attack, outcomes?: Map<string, number>, messages?: Map<string, string>) => {
      await askLoop(child); // resets the API's event-loop histogram
      const loadFrom = loadSamples.length;
      const apiBefore = processCpuSeconds(ready.apiPid) ?? 0;
      const jvmBefore = processCpuSeconds(ready.jvmPid) ?? 0;
      const jvmThreadsBefore = threadCpuSeconds(ready.jvmPid);
      const attackerBefore = processCpuSeconds(attacker.pid) ?? 0;
      const benchBefore = process.cpuUsage();
      const wallBefore = performance.now();
      const deadline = Date.now() + seconds * 1000;
      // The attacker sends until the deadline; the window lasts until its last answer (a queued heavy request runs
      // after the deadline): the other users are measured for as long as the attack is on the server.
      let attacking = attack !== undefined;
      const done = attack
        ? orderAttack(attacker, {
            type: "attack",
            url,
            query: attack.query(attack.name.includes("impactIfGone") ? coordinator : institution),
            ...(attack.anonymous ? {} : { token: attackerToken }),
            connections: attackers,
            seconds,
          }).finally(() => (attacking = false))
        : undefined;
      const [, answered] = await Promise.all([measure(() => Date.now() < deadline || attacking, pool), done]);
      for (const [code, count] of Object.entries(answered?.outcomes ?? {}))
        outcomes?.set(code, (outcomes.get(code) ?? 0) + count);
      for (const [code, message] of Object.entries(answered?.messages ?? {}))
        if (!messages?.has(code)) messages?.set(code, message);
      const attackerMs = answered?.attackerMs ?? [];
      pool.wallSeconds += (performance.now() - wallBefore) / 1000;
      pool.apiCpuSeconds += (processCpuSeconds(ready.apiPid) ?? 0) - apiBefore;
      pool.jvmCpuSeconds += (processCpuSeconds(ready.jvmPid) ?? 0) - jvmBefore;
      for (const [kind, seconds] of threadCpuSince(jvmThreadsBefore, threadCpuSeconds(ready.jvmPid)))
        pool.jvmThreads.set(kind, (pool.jvmThreads.get(kind) ?? 0) + seconds);
      pool.attackerCpuSeconds += (processCpuSeconds(attacker.pid) ?? 0) - attackerBefore;
      const bench = process.cpuUsage(benchBefore);
      pool.benchCpuSeconds += (bench.user + bench.system) / 1e6;
      const loop = await askLoop(child);
      pool.loopP99Ms.push(loop.p99Ms);
      pool.loopMaxMs = Math.max(pool.loopMaxMs, loop.maxMs);
      pool.load.push(...loadSamples.slice(loadFrom));
      return attackerMs;
    };

    const results: Array<Record<string, unknown>> = [];
    const chosen = attacks.filter((a) => !opts.only || a.name.includes(opts.only));
    for (const attack of chosen) {
      const idle = newPool();
      const attacked = newPool();
      const outcomes = new Map<string, number>();
      const messages = new Map<string, string>();
      const attackerMs: number[] = [];
      for (let round = 0; round < rounds; round++) {
        await window(idle);
        attackerMs.push(...(await window(attacked, attack, outcomes, messages)));
      }
      attackerMs.sort((a, b) => a - b);
      const idleFigures = summary(idle);
      const attackFigures = summary(attacked);
      const row = {
        attack: attack.name,
        ratioOfP95: Number((attackFigures.otherP95Ms / idleFigures.otherP95Ms).toFixed(2)),
        idle: idleFigures,
        underAttack: attackFigures,
        attackerAnswers: Object.fromEntries(outcomes),
        ...(messages.size > 0 ? { attackerMessages: Object.fromEntries(messages) } : {}),
        attackerP50Ms: Number(percentile(attackerMs, 50).toFixed(1)),
        attackerMaxMs: Number((attackerMs.at(-1) ?? 0).toFixed(1)),
      };
      results.push(row);
      process.stderr.write(`${JSON.stringify(row)}\n`);
    }
    const command = `npx tsx bench/cost-load.ts ${process.argv.slice(2).join(" ")}`.trim();
    const out = {
      date: new Date().toISOString(),
      command,
      settings: overrides,
      seconds,
      rounds,
      attackers,
      otherUsers: others.length,
      // The bench's warmPaths start from the coordinators: answered in the analytics worker's memory when both hold.
      warmPathsSearchedIn: ready.warmPathsInMemory && ready.tieVersion ? "the analytics worker's memory" : "Neo4j",
      everyMs: every,
      cpus: os.cpus().length,
      loadAverage1m: {
        min: Number(Math.min(...loadSamples).toFixed(2)),
        mean: Number((loadSamples.reduce((a, b) => a + b, 0) / Math.max(1, loadSamples.length)).toFixed(2)),
        max: Number(Math.max(...loadSamples).toFixed(2)),
      },
      attacks: results,
    };
    mkdirSync(path.dirname(opts.out), { recursive: true });
    writeFileSync(opts.out, `${JSON.stringify(out, null, 2)}\n`);
    const worst = Math.max(...results.map((r) => Number(r.ratioOfP95)));
    process.stdout.write(
      `Worst ratio of the other users' p95 under attack to idle: ${worst}× (target ≤ 2×); load average ` +
        `${out.loadAverage1m.min}–${out.loadAverage1m.max} (mean ${out.loadAverage1m.mean}). Written to ${opts.out}.\n`,
    );
  } finally {
    clearInterval(sampler);
    child.send({ type: "stop" });
    attacker.send({ type: "stop" });
    await new Promise((resolve) => child.once("exit", resolve));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

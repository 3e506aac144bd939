import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { Command } from "commander";
import { demoUsers } from "../server/platform/auth/ensure-demo-users.js";
import { withDemoProduct } from "./demo-product.js";
import { percentile } from "./summarise-latencies.js";

/**
 * One user's worst requests against everyone else (issue 13): another user's p95 of an ordinary
 * query, at idle and while one VIEWER sends, over and over from several connections at once, each of
 * the floods (now refused) and the worst requests the limits still allow. The promise:
 * the ratio to idle stays within 2×. Runs the product with its default limits (rate limit raised, so
 * the floods reach the cost limits) against a throw-away embedded Neo4j with the demo data (or NEO4J_URI).
 *
 * Per phase it also says where the time went: the API's event-loop delay (p99, max: how long one
 * request's JavaScript held everyone else's), and the CPU used by this process (API and the bench's
 * own clients, one Node process) and by the embedded Neo4j's JVM, in % of one core.
 *
 *   npx tsx bench/cost-load.ts [--seconds 10] [--attackers 4] [--only <text>] [--out bench/results/cost-load.json]
 */
const program = new Command()
  .option("--seconds <n>", "how long each phase runs", "10")
  .option("--attackers <n>", "the one user's parallel connections", "4")
  .option("--only <text>", "run idle and only the phases whose name holds this text (a quick look, not the figures)")
  .option("--out <file>", "where to write the figures as JSON", "bench/results/cost-load.json")
  .parse();
const opts = program.opts<{ seconds: string; attackers: string; only?: string; out: string }>();

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); undefined elsewhere. */
function processCpuSeconds(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    // utime and stime are fields 14 and 15 of stat, i.e. 11 and 12 after "(comm) "; in clock ticks of 1/100 s.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

const aliases = (count: number, field: string) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(" ")} }`;
const ORDINARY = `{ institutions(limit: 20, sort: [{ name: ASC }]) { id name programmes(limit: 10) { name } } }`;

interface Phase {
  name: string;
  /** The attacker's request; undefined for idle. */
  query?: (institution: string) => string;
  anonymous?: boolean;
}

const phases: Phase[] = [
  { name: "idle" },
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
];

async function main(): Promise<void> {
  const seconds = Number(opts.seconds);
  const attackers = Number(opts.attackers);
  await withDemoProduct("werkplaats-cost-", async (product, url) => {
    const post = async (query: string, token?: string) => {
      const started = performance.now();
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query }),
      });
      const body = (await response.json()) as {
        data?: Record<string, unknown>;
        errors?: Array<{ message?: string; extensions?: { code?: string } }>;
      };
      return { ms: performance.now() - started, status: response.status, body };
    };
    const signIn = async (role: string): Promise<string> => {
      const user = demoUsers.find((u) => u.roles.includes(role as never));
      if (!user) throw new Error(`no demo ${role}`);
      const answer = await post(`mutation { login(email: "${user.email}", password: "${user.password}") { token } }`);
      return (answer.body.data?.login as { token: string }).token;
    };
    const attackerToken = await signIn("VIEWER");
    const otherToken = await signIn("ANALYST");
    const institution = (
      (await post(`{ institutions(limit: 1, sort: [{ name: ASC }]) { id } }`, otherToken)).body.data?.institutions as Array<{
        id: string;
      }>
    )[0]!.id;
    for (let i = 0; i < 20; i++) await post(ORDINARY, otherToken); // warm up

    const results: Array<Record<string, unknown>> = [];
    let idleP95 = 0;
    const jvmPid = product.embedded?.pid;
    const chosen = phases.filter((p) => !opts.only || p.name === "idle" || p.name.includes(opts.only));
    for (const phase of chosen) {
      const loopDelay = monitorEventLoopDelay({ resolution: 10 });
      loopDelay.enable();
      const cpuBefore = process.cpuUsage();
      const jvmBefore = jvmPid ? processCpuSeconds(jvmPid) : undefined;
      const wallBefore = performance.now();
      const deadline = Date.now() + seconds * 1000;
      const outcomes = new Map<string, number>();
      const messages = new Map<string, string>();
      const attackerMs: number[] = [];
      const attack = async () => {
        while (phase.query && Date.now() < deadline) {
          const answer = await post(phase.query(institution), phase.anonymous ? undefined : attackerToken);
          const code = answer.body.errors?.[0]?.extensions?.code ?? "OK";
          outcomes.set(code, (outcomes.get(code) ?? 0) + 1);
          if (code !== "OK" && !messages.has(code)) messages.set(code, String(answer.body.errors?.[0]?.message).slice(0, 160));
          attackerMs.push(answer.ms);
        }
      };
      const measure = async () => {
        const latencies: number[] = [];
        let failures = 0;
        while (Date.now() < deadline) {
          const answer = await post(ORDINARY, otherToken);
          if (answer.body.errors || answer.status !== 200) failures++;
          latencies.push(answer.ms);
        }
        return { latencies, failures };
      };
      const [{ latencies, failures }] = await Promise.all([measure(), ...Array.from({ length: attackers }, attack)]);
      loopDelay.disable();
      const wallSeconds = (performance.now() - wallBefore) / 1000;
      const cpu = process.cpuUsage(cpuBefore);
      const jvmAfter = jvmPid ? processCpuSeconds(jvmPid) : undefined;
      const percentOfCore = (seconds: number) => Number(((100 * seconds) / wallSeconds).toFixed(0));
      latencies.sort((a, b) => a - b);
      attackerMs.sort((a, b) => a - b);
      const p50 = percentile(latencies, 50);
      const p95 = percentile(latencies, 95);
      if (phase.name === "idle") idleP95 = p95;
      const row = {
        phase: phase.name,
        otherRequests: latencies.length,
        otherFailures: failures,
        otherP50Ms: Number(p50.toFixed(1)),
        otherP95Ms: Number(p95.toFixed(1)),
        ratioToIdleP95: idleP95 > 0 ? Number((p95 / idleP95).toFixed(2)) : 1,
        attackerAnswers: Object.fromEntries(outcomes),
        ...(messages.size > 0 ? { attackerMessages: Object.fromEntries(messages) } : {}),
        attackerP50Ms: Number(percentile(attackerMs, 50).toFixed(1)),
        eventLoopDelayP99Ms: Number((loopDelay.percentile(99) / 1e6).toFixed(1)),
        eventLoopDelayMaxMs: Number((loopDelay.max / 1e6).toFixed(1)),
        nodeCpuPercentOfCore: percentOfCore((cpu.user + cpu.system) / 1e6),
        ...(jvmBefore !== undefined && jvmAfter !== undefined
          ? { neo4jCpuPercentOfCore: percentOfCore(jvmAfter - jvmBefore) }
          : {}),
      };
      results.push(row);
      process.stderr.write(`${JSON.stringify(row)}\n`);
    }
    const out = {
      date: new Date().toISOString(),
      seconds,
      attackers,
      cpus: os.cpus().length,
      loadAverageAtEnd: os.loadavg().map((l) => Number(l.toFixed(2))),
      phases: results,
    };
    mkdirSync(path.dirname(opts.out), { recursive: true });
    writeFileSync(opts.out, `${JSON.stringify(out, null, 2)}\n`);
    const worst = Math.max(...results.map((r) => Number(r.ratioToIdleP95)));
    process.stdout.write(`Worst ratio of another user's p95 to idle: ${worst}× (target ≤ 2×). Written to ${opts.out}.\n`);
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

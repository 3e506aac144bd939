import { spawnSync } from "node:child_process";
import { Command } from "commander";
import { demoUsers } from "../server/platform/auth/ensure-demo-users.js";
import { withDemoProduct } from "./demo-product.js";
import { post } from "./post-operation.js";
import { percentile } from "./summarise-latencies.js";
import { threadCpuSeconds, threadCpuSince, topThreads } from "./thread-cpu.js";

/**
 * Where one allowed heavy request's CPU goes, with nothing else on the server (issue #13, docs/performance.md "One
 * user's worst requests"): each of bench/cost-load.ts's "worst allowed" requests sent `--times` times in a row by one
 * VIEWER, after `--warm` unmeasured ones; per request its time, and the CPU of the embedded Neo4j's JVM and of the
 * product's process (API thread and analytics worker) per kind of thread, in % of one core over the requests' wall
 * time. Also says whether the graph has a tie version (without one, warmPaths from the coordinators is searched in
 * Neo4j, not in the analytics worker's memory). With `--set NAME=value` the product runs with other settings, e.g.
 * `--set "NEO4J_JVM_OPTIONS=-XX:ParallelGCThreads=1"`, so settings can be compared one start at a time.
 *
 *   flock /tmp/werkplaats-heavy.lock npx tsx bench/cost-probe.ts [--times 10] [--warm 3] [--only <text>] [--set NAME=value …]
 */
const opts = new Command()
  .option("--times <n>", "measured requests per kind", "10")
  .option("--warm <n>", "unmeasured requests first (plans, JIT)", "3")
  .option("--only <text>", "only the requests whose name holds this text")
  .option("--set <name=value...>", "product settings for this run")
  .parse()
  .opts<{ times: string; warm: string; only?: string; set?: string[] }>();

const requests: Array<{ name: string; query: (institution: string, coordinator: string) => string }> = [
  {
    name: "2 × warmPaths(k: 50, maxHops: 6)",
    query: (to) =>
      `{ ${[0, 1].map((i) => `a${i}: warmPaths(to: "${to}", k: 50, maxHops: 6) { score hops steps { person { name } } }`).join(" ")} }`,
  },
  {
    name: "nextBestContacts(maxHops: 6, limit: 1000) + embedding(maxHops: 6)",
    query: (to) =>
      `{ n: nextBestContacts(institution: "${to}", maxHops: 6, limit: 1000) { person { name } } ` +
      `e: embedding(institution: "${to}", maxHops: 6) { level } }`,
  },
  {
    name: "impactIfGone(maxHops: 5)",
    query: (_to, person) => `{ impactIfGone(person: "${person}", maxHops: 5) { __typename } }`,
  },
];

/**
 * The JVM's garbage collections so far (jstat -gc, the JDK's tool; read outside the measured requests): young and
 * concurrent/full collections and their pause seconds. Empty when jstat is not there.
 */
function gcSoFar(pid: number | undefined): Record<string, number> {
  if (!pid) return {};
  const run = spawnSync("jstat", ["-gc", String(pid)], { encoding: "utf8" });
  const [head, values] = (run.stdout ?? "").trim().split("\n");
  if (!head || !values) return {};
  const names = head.trim().split(/\s+/);
  const numbers = values.trim().split(/\s+/).map(Number);
  const pick = ["YGC", "YGCT", "FGC", "FGCT", "CGC", "CGCT", "GCT"];
  return Object.fromEntries(names.map((n, i) => [n, numbers[i]!] as const).filter(([n]) => pick.includes(n)));
}

const settings: Record<string, string> = Object.fromEntries(
  (opts.set ?? []).map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)]),
);

await withDemoProduct(
  "werkplaats-cost-probe-",
  async (product, url) => {
    const tieVersion = (await product.db.read("OPTIONAL MATCH (v:TieVersion {id: 'ties'}) RETURN v.version AS version"))[0]
      ?.version;
    const signIn = async (role: string) => {
      const user = demoUsers.find((u) => u.roles.includes(role as never))!;
      const answer = await post(url, `mutation { login(email: "${user.email}", password: "${user.password}") { token } }`);
      return (answer.data?.login as { token: string }).token;
    };
    const viewer = await signIn("VIEWER");
    const institution = (
      (await post(url, `{ institutions(limit: 1, sort: [{ name: ASC }]) { id } }`, viewer)).data?.institutions as Array<{
        id: string;
      }>
    )[0]!.id;
    const coordinator = (
      (await post(url, `{ people(limit: 1, sort: [{ id: ASC }], where: { coordinatorOf: { some: {} } }) { id } }`, viewer)).data
        ?.people as Array<{ id: string }>
    )[0]!.id;
    process.stdout.write(
      `${JSON.stringify({ settings, tieVersion: tieVersion ?? null, jvmPid: product.embedded?.pid ?? null })}\n`,
    );
    for (const request of requests.filter((r) => !opts.only || r.name.includes(opts.only))) {
      const query = request.query(institution, coordinator);
      for (let i = 0; i < Number(opts.warm); i++) await post(url, query, viewer);
      const gcBefore = gcSoFar(product.embedded?.pid);
      const jvmBefore = threadCpuSeconds(product.embedded?.pid);
      const apiBefore = threadCpuSeconds(process.pid);
      const started = performance.now();
      const ms: number[] = [];
      const codes = new Map<string, number>();
      for (let i = 0; i < Number(opts.times); i++) {
        const answer = await post(url, query, viewer);
        ms.push(answer.ms);
        codes.set(answer.code, (codes.get(answer.code) ?? 0) + 1);
      }
      const wall = (performance.now() - started) / 1000;
      const jvm = threadCpuSince(jvmBefore, threadCpuSeconds(product.embedded?.pid));
      const api = threadCpuSince(apiBefore, threadCpuSeconds(process.pid));
      const gcAfter = gcSoFar(product.embedded?.pid);
      const gc = Object.fromEntries(
        Object.keys(gcAfter).map((k) => [k, Number(((gcAfter[k] ?? 0) - (gcBefore[k] ?? 0)).toFixed(3))] as const),
      );
      const total = (used: Map<string, number>) => Math.round((100 * [...used.values()].reduce((a, b) => a + b, 0)) / wall);
      ms.sort((a, b) => a - b);
      process.stdout.write(
        `${JSON.stringify({
          request: request.name,
          answers: Object.fromEntries(codes),
          p50Ms: Math.round(percentile(ms, 50)),
          maxMs: Math.round(ms.at(-1) ?? 0),
          neo4jPercentOfCore: total(jvm),
          neo4jThreads: topThreads(jvm, wall),
          gcDuringTheRequests: gc,
          productPercentOfCore: total(api),
          productThreads: topThreads(api, wall, 4),
        })}\n`,
      );
    }
  },
  settings,
);
process.exit(0);

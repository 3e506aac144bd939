import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Command } from "commander";
import { demoUsers } from "../server/platform/auth/ensure-demo-users.js";
import { withDemoProduct } from "./demo-product.js";

/**
 * The bounded load run (issue 6): N concurrent clients on loopback, each signed in, sending a mix
 * of reads and writes through the real HTTP API for a fixed time, against a throw-away embedded
 * Neo4j with the demo data (or NEO4J_URI). Reports throughput, p50/p95/p99 per kind and overall,
 * and every error by code; exits 1 on any error (none is expected).
 *
 *   npx tsx bench/load-run.ts [--clients 50] [--seconds 60] [--write-share 0.2] [--out bench/results/load-run.json]
 *
 * The server runs with its production limits except the rate limit, which is raised: this
 * measures the API and Neo4j, not the limiter (50 clients on one machine would be limited).
 */
const program = new Command()
  .option("--clients <n>", "concurrent clients", "50")
  .option("--seconds <n>", "how long to run", "60")
  .option("--write-share <x>", "share of requests that write (0..1)", "0.2")
  .option("--out <file>", "where to write the figures as JSON", "bench/results/load-run.json")
  .parse();
const opts = program.opts<{ clients: string; seconds: string; writeShare: string; out: string }>();

interface Operation {
  kind: string;
  write: boolean;
  query: string;
  variables?: (client: number, i: number) => Record<string, unknown>;
}

const reads: Operation[] = [
  {
    kind: "read:institutions",
    write: false,
    query: `{ institutions { id name kind programmes { name mappingStatus courses(limit: 10) { name kind } } } }`,
  },
  {
    kind: "read:people+ties",
    write: false,
    query: `{ people(limit: 50, sort: [{ name: ASC }]) { id name jobTitle knowsConnection(first: 10) { edges { properties { strength channel } node { name } } } } }`,
  },
  {
    kind: "read:cases",
    write: false,
    query: `{ cases(limit: 50) { id title status topics sme { name } proposals { answer } } }`,
  },
  {
    kind: "read:counts",
    write: false,
    query: `{ peopleConnection { totalCount } casesConnection { totalCount } smesConnection { totalCount } }`,
  },
];
const writes: Operation[] = [
  {
    kind: "write:create",
    write: true,
    query: `mutation($name: String!) { createInstitutions(input: [{ name: $name, kind: MBO, city: "Loadstad",
      programmes: { create: [{ node: { name: $name, level: MBO_4, courses: { create: [{ node: { name: $name, kind: PROJECT, themes: ["load"] } }] } } }] } }]) { institutions { id } } }`,
    variables: (client, i) => ({ name: `Load ${client}-${i}` }),
  },
  {
    // Ties are made by setTieStrength/logInteraction, not by the generated API (#12): a person with a partner instead.
    kind: "write:person+partner",
    write: true,
    query: `mutation($name: String!) { createPeople(input: [{ name: $name, jobTitle: "Docent",
      worksAt: { create: [{ node: { name: $name, kind: OTHER } }] } }]) { people { id } } }`,
    variables: (client, i) => ({ name: `Loadperson ${client}-${i}` }),
  },
  {
    kind: "write:update",
    write: true,
    // Each client updates the institutions it created itself: no lock contention between clients.
    query: `mutation($mine: String!, $short: String!) { updateInstitutions(where: { name: { startsWith: $mine } }, update: { shortName: { set: $short } }) { info { nodesCreated } } }`,
    variables: (client, i) => ({ mine: `Load ${client}-`, short: `L${client}-${i % 100}` }),
  },
];

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function main(): Promise<void> {
  const clients = Number(opts.clients);
  const seconds = Number(opts.seconds);
  const writeShare = Number(opts.writeShare);
  await withDemoProduct("werkplaats-load-", async (product, url) => {
    const signIn = async (email: string, password: string): Promise<string> => {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          query: `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`,
          variables: { e: email, p: password },
        }),
      });
      const body = (await response.json()) as { data?: { login: { token: string } } };
      if (!body.data) throw new Error(`sign-in failed for ${email}`);
      return body.data.login.token;
    };
    const coordinator = demoUsers.find((u) => u.roles.includes("COORDINATOR"));
    const viewer = demoUsers.find((u) => u.roles.includes("VIEWER"));
    if (!coordinator || !viewer) throw new Error("demo users missing");
    const writerToken = await signIn(coordinator.email, coordinator.password);
    const readerToken = await signIn(viewer.email, viewer.password);

    const latencies = new Map<string, number[]>();
    const errors = new Map<string, number>();
    let requests = 0;
    const started = Date.now();
    const deadline = started + seconds * 1000;
    let seed = 42;
    const random = (): number => {
      // mulberry32: the same mix on every run
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };

    const client = async (id: number): Promise<void> => {
      for (let i = 0; Date.now() < deadline; i++) {
        const write = random() < writeShare;
        const pool = write ? writes : reads;
        const op = pool[Math.floor(random() * pool.length)] ?? reads[0]!;
        const t0 = performance.now();
        let code: string | undefined;
        try {
          const response = await fetch(url, {
            method: "POST",
            headers: { "content-type": "application/json", authorization: `Bearer ${op.write ? writerToken : readerToken}` },
            body: JSON.stringify({ query: op.query, variables: op.variables?.(id, i) ?? {} }),
          });
          const body = (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
          if (body.errors?.length) code = body.errors[0]?.extensions?.code ?? "NO_CODE";
          else if (!response.ok) code = `HTTP_${response.status}`;
        } catch (error) {
          code = `NETWORK:${(error as Error).message}`;
        }
        const ms = performance.now() - t0;
        requests++;
        if (code) errors.set(`${op.kind} ${code}`, (errors.get(`${op.kind} ${code}`) ?? 0) + 1);
        else {
          const list = latencies.get(op.kind) ?? [];
          list.push(ms);
          latencies.set(op.kind, list);
        }
      }
    };
    process.stderr.write(`Running ${clients} clients for ${seconds} s (${Math.round(writeShare * 100)}% writes)…\n`);
    await Promise.all(Array.from({ length: clients }, (_, i) => client(i)));
    const elapsed = (Date.now() - started) / 1000;

    const all = [...latencies.values()].flat().sort((a, b) => a - b);
    const round = (x: number): number => Math.round(x * 10) / 10;
    const perKind = Object.fromEntries(
      [...latencies.entries()].map(([kind, values]) => {
        const sorted = [...values].sort((a, b) => a - b);
        return [
          kind,
          {
            count: sorted.length,
            p50: round(percentile(sorted, 50)),
            p95: round(percentile(sorted, 95)),
            p99: round(percentile(sorted, 99)),
          },
        ];
      }),
    );
    const graph = (await product.db.read("MATCH (n) RETURN count(n) AS nodes"))[0]?.nodes;
    const figures = {
      date: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        model: os.cpus()[0]?.model,
        node: process.version,
        loadAverageAtEnd: os.loadavg().map(round),
      },
      clients,
      seconds: round(elapsed),
      writeShare,
      requests,
      throughputPerSecond: round(requests / elapsed),
      latencyMs: {
        p50: round(percentile(all, 50)),
        p95: round(percentile(all, 95)),
        p99: round(percentile(all, 99)),
        max: round(all.at(-1) ?? 0),
      },
      perKind,
      errors: Object.fromEntries(errors),
      nodesAfter: graph,
    };
    mkdirSync(path.dirname(opts.out), { recursive: true });
    writeFileSync(opts.out, `${JSON.stringify(figures, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
    process.stdout.write(
      `\n${requests} requests in ${round(elapsed)} s: ${figures.throughputPerSecond}/s; p50 ${figures.latencyMs.p50} ms, p99 ${figures.latencyMs.p99} ms; errors: ${errors.size === 0 ? "none" : JSON.stringify(figures.errors)}\n`,
    );
    if (errors.size > 0) process.exitCode = 1;
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`Load run failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

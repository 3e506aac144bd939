import { execSync } from "node:child_process";
import { processCpuSeconds } from "../../bench/thread-cpu.js";
import { afterAll, beforeAll, expect, inject } from "vitest";
import { Database } from "../../server/platform/neo4j/database.js";

/**
 * Where an integration file's time goes (PROFILE_DB=1 npx vitest run --project int <file>; vitest.config.ts adds this
 * setup file only then): per file, its wall time, the CPU seconds of the run's Neo4j and of the vitest worker (with
 * the analytics worker thread) meanwhile, and the statements and GraphQL requests it spent longest in (summed time,
 * count, the text's start). Statements are timed at the Database methods of this process (the analytics worker's own
 * driver is not), GraphQL requests at fetch. Files running side by side share Neo4j, so its CPU is theirs together.
 */

const spent = new Map<string, { n: number; ms: number }>();
const note = (key: string, ms: number) => {
  const s = spent.get(key) ?? { n: 0, ms: 0 };
  s.n += 1;
  s.ms += ms;
  spent.set(key, s);
};
const head = (text: string, length: number) => text.replace(/\s+/g, " ").trim().slice(0, length);

const methods = Database.prototype as unknown as Record<string, (...args: unknown[]) => Promise<unknown>> & {
  profiled?: boolean;
};
if (!methods.profiled) {
  methods.profiled = true;
  for (const name of ["read", "write", "autoCommit", "writeTx", "readTx", "readEach"]) {
    const original = methods[name]!;
    methods[name] = async function (this: unknown, ...args: unknown[]) {
      const since = performance.now();
      try {
        return await original.apply(this, args);
      } finally {
        note(`${name}: ${typeof args[0] === "string" ? head(args[0], 90) : "(function)"}`, performance.now() - since);
      }
    };
  }
  const originalFetch = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const since = performance.now();
    try {
      return await originalFetch(input, init);
    } finally {
      let query = "";
      try {
        query = String((JSON.parse(String(init?.body ?? "{}")) as { query?: unknown }).query ?? "");
      } catch {
        query = "(not JSON)";
      }
      note(`fetch: ${head(query, 60)}`, performance.now() - since);
    }
  };
}

/** CPU seconds of the run's Neo4j (the process listening on its port), NaN when it is not found. */
function neo4jCpuSeconds(): number {
  try {
    const port = new URL(inject("neo4j").uri).port;
    const pid = execSync(`pgrep -f -- '--port ${port} '`).toString().trim().split("\n")[0];
    return processCpuSeconds(Number(pid)) ?? Number.NaN;
  } catch {
    return Number.NaN;
  }
}

const ownCpuSeconds = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};

let start = { neo4j: 0, own: 0, wall: 0 };
beforeAll(() => {
  spent.clear();
  start = { neo4j: neo4jCpuSeconds(), own: ownCpuSeconds(), wall: performance.now() };
});

afterAll(() => {
  const rows = [...spent.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25);
  console.log(
    [
      `PROFILE ${expect.getState().testPath ?? ""}`,
      ` wall ${((performance.now() - start.wall) / 1000).toFixed(1)} s, Neo4j CPU ${(neo4jCpuSeconds() - start.neo4j).toFixed(1)} s, ` +
        `vitest worker CPU ${(ownCpuSeconds() - start.own).toFixed(1)} s`,
      ...rows.map(([key, s]) => `${s.ms.toFixed(0).padStart(8)} ms ${String(s.n).padStart(5)}x  ${key}`),
    ].join("\n"),
  );
});

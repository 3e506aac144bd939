import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { loadConfig } from "../server/platform/config.js";
import { setLogLevel } from "../server/platform/log.js";
import { startProduct } from "../server/app/start.js";

/**
 * The API under test, as a child of bench/run.ts: the real product (startProduct) against the
 * bench's Neo4j (NEO4J_URI from the parent), in its own process so that its resident memory is the
 * API's alone and the load generator does not share its event loop. It counts every Cypher
 * statement and transaction the process sends, by wrapping the driver's sessions (the driver object
 * is shared by @neo4j/graphql and Database, so both are counted), and answers the parent's
 * `{ type: "stats" }` over IPC. It also watches its own event loop: `{ type: "loop" }` answers the delay since the last
 * `loop` (p99 and max, ms) and starts a new window, so the parent can say how long the API thread was held while one
 * operation was measured (issue 19: ≤ 20 ms p99 during any analytics request).
 */

export interface ApiStats {
  type: "stats";
  statements: number;
  transactions: number;
}

export interface ApiLoop {
  type: "loop";
  p99Ms: number;
  maxMs: number;
}

/** The answer to `{ type: "profile", action: "start" | "stop", file? }` (bench --api-cpu-profile). */
export interface ApiProfiled {
  type: "profile";
  error?: string;
}

/**
 * The API thread's CPU profile over a window the parent chooses (the board's 32-client run): V8's sampling profiler
 * through the inspector, written as a .cpuprofile (Chrome DevTools, or summed per function by scripts of one's own).
 */
class WindowProfiler {
  private session?: Session;

  async start(): Promise<void> {
    this.session = new Session();
    this.session.connect();
    await this.session.post("Profiler.enable");
    // 100 µs between samples: a short request (~2 ms of CPU) gets about twenty.
    await this.session.post("Profiler.setSamplingInterval", { interval: 100 });
    await this.session.post("Profiler.start");
  }

  async stop(file: string): Promise<void> {
    const session = this.session;
    if (!session) throw new Error("The profiler was not started.");
    const { profile } = await session.post("Profiler.stop");
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
    this.session = undefined;
  }
}

export interface ApiReady {
  type: "ready";
  url: string;
}

let statements = 0;
let transactions = 0;

/**
 * The last statement this process sent and its parameters (`{ type: "last-statement" }`): the bench runs the Cypher
 * @neo4j/graphql translated a generated query into on its own driver too, as a third side (run.ts). Integers (the
 * driver's Integer: LIMIT, SKIP) are sent as `{ $int: "<decimal>" }`, as IPC carries plain data only.
 */
export interface ApiLastStatement {
  type: "last-statement";
  cypher: string | null;
  params: unknown;
}

let lastStatement: { cypher: string; params: unknown } | null = null;

function noteStatement(args: unknown[]): void {
  if (typeof args[0] === "string") lastStatement = { cypher: args[0], params: args[1] ?? {} };
}

/** The parameters as plain data, the driver's integers marked (ApiLastStatement). */
function plainParams(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(plainParams);
  const maybe = value as { low?: unknown; high?: unknown; toString?: () => string };
  if (typeof maybe.low === "number" && typeof maybe.high === "number" && Object.keys(value).length === 2)
    return { $int: maybe.toString!() };
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainParams(v)]));
}

/** The parts of a driver session this wrapper touches; typed here so only database.ts imports neo4j-driver. */
interface CountedTx {
  run: (...args: unknown[]) => unknown;
}
interface CountedSession {
  run: (...args: unknown[]) => unknown;
  executeRead: (work: (tx: CountedTx) => unknown, config?: unknown) => Promise<unknown>;
  executeWrite: (work: (tx: CountedTx) => unknown, config?: unknown) => Promise<unknown>;
}
interface SessionFactory {
  session: (config?: unknown) => CountedSession;
}

function countTx(tx: CountedTx): CountedTx {
  return new Proxy(tx, {
    get(target, key, receiver) {
      if (key === "run") {
        return (...args: unknown[]) => {
          statements++;
          noteStatement(args);
          return target.run(...args);
        };
      }
      const value: unknown = Reflect.get(target, key, receiver);
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function countSessions(driver: SessionFactory): void {
  const open = driver.session.bind(driver);
  driver.session = (config?: unknown) => {
    const session = open(config);
    const run = session.run.bind(session);
    const executeRead = session.executeRead.bind(session);
    const executeWrite = session.executeWrite.bind(session);
    session.run = (...args: unknown[]) => {
      statements++;
      transactions++;
      noteStatement(args);
      return run(...args);
    };
    // A retried transaction runs `work` again: each attempt counts, as each is a round trip.
    session.executeRead = (work, txConfig) =>
      executeRead((tx: CountedTx) => {
        transactions++;
        return work(countTx(tx));
      }, txConfig);
    session.executeWrite = (work, txConfig) =>
      executeWrite((tx: CountedTx) => {
        transactions++;
        return work(countTx(tx));
      }, txConfig);
    return session;
  };
}

async function main(): Promise<void> {
  const config = loadConfig();
  setLogLevel("warn");
  const product = await startProduct(config);
  countSessions(product.db.driver as unknown as SessionFactory);
  const profiler = new WindowProfiler();
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  process.on("message", (message: unknown) => {
    const type = typeof message === "object" && message !== null ? (message as { type?: unknown }).type : undefined;
    if (type === "stats") {
      const stats: ApiStats = { type: "stats", statements, transactions };
      process.send?.(stats);
    } else if (type === "loop") {
      // The histogram counts in nanoseconds; its 10 ms sampling resolution is part of every figure.
      const answer: ApiLoop = {
        type: "loop",
        p99Ms: Math.round(loop.percentile(99) / 1e5) / 10,
        maxMs: Math.round(loop.max / 1e5) / 10,
      };
      loop.reset();
      process.send?.(answer);
    } else if (type === "last-statement") {
      const answer: ApiLastStatement = {
        type: "last-statement",
        cypher: lastStatement?.cypher ?? null,
        params: plainParams(lastStatement?.params ?? {}),
      };
      process.send?.(answer);
    } else if (type === "profile") {
      const { action, file } = message as { action?: string; file?: string };
      const done = action === "start" ? profiler.start() : profiler.stop(file ?? "api.cpuprofile");
      done.then(
        () => process.send?.({ type: "profile" } satisfies ApiProfiled),
        (error: unknown) => process.send?.({ type: "profile", error: String(error) } satisfies ApiProfiled),
      );
    }
  });
  process.on("disconnect", () => {
    void product.stop().finally(() => process.exit(0));
  });
  const ready: ApiReady = { type: "ready", url: `${product.url}graphql` };
  process.send?.(ready);
}

main().catch((error: unknown) => {
  process.stderr.write(`API process failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

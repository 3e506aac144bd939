import { Worker } from "node:worker_threads";
import { DomainError } from "../../platform/graphql/domain-error.js";
import type { GraphQLContext, OffThreadAnalytics } from "../../platform/graphql/context.js";
import type { LightRequests } from "../../platform/limits/pace-heavy-work.js";
import { log } from "../../platform/log.js";
import { ForwardedDatabaseError, TimeBudgetSpent, type ConnectOptions, type Database } from "../../platform/neo4j/database.js";
import {
  isAnalyticsOperation,
  runAnalytics,
  type AnalyticsAnswer,
  type AnalyticsArgs,
  type AnalyticsOperation,
} from "./analytics-operations.js";
import type {
  AnalyticsFailure,
  AnalyticsReply,
  AnalyticsRequest,
  AnalyticsWorkerData,
  TieGraphStatus,
} from "./analytics-worker-thread.js";
import type { TieGraphSettings } from "./TieGraphStore.js";

/**
 * The analytics off the API's event loop (issue #19 part 2; docs/performance.md "Analytics off the event loop").
 *
 * One long-lived worker thread (analytics-worker-thread.ts) answers embedding, nextBestContacts, escalationPlan,
 * impactIfGone and warmPaths from the coordinators (analytics-operations.ts): it holds the warm-tie store, tagged with
 * the tie version, on its own driver to the same Neo4j, which stays the source of truth. The API thread only routes:
 * it sends the operation, its arguments (validated by the GraphQL layer, "me" already resolved) and the request's
 * database settings — the time budget (ANALYTICS_TIMEOUT_MS, set by the operation limits after the HeavyRequestGate let
 * the request in), the limit per transaction and the caller's bookmarks — and awaits the plain-data answer. Access
 * (@Access) and the gate stay on the API side; the computations depend on nothing else of the caller.
 *
 * Past the request's deadline (plus a little grace for the reply) the API answers QUERY_TIMEOUT and tells the worker
 * to drop the answer; the worker's statements stop at the same deadline. When the client leaves, the same.
 *
 * When the worker is not there (it died, or has not started) the API computes on its own thread — the same functions,
 * so the same answer — and says so in the log; a dead worker is started again after a back-off (1 s doubling to 30 s),
 * and what it had in hand is answered on the API thread. Started with the app (start.ts) or, in tests, at the first
 * analytics request; stopped with Apollo.
 */

interface Pending {
  operation: AnalyticsOperation;
  args: Record<string, unknown>;
  db: Database;
  resolve(value: unknown): void;
  reject(error: unknown): void;
  /** Clears the timer and the abort listener. */
  done(): void;
}

export interface AnalyticsWorkerOptions {
  connect: ConnectOptions;
  /** The first wait before starting a worker again after it died; doubles up to maxRestartDelayMs. */
  restartDelayMs?: number;
  maxRestartDelayMs?: number;
  /** How long after the request's deadline the API still waits for the worker's answer. */
  graceMs?: number;
  /** Hub warm paths searched in memory in the worker over the ties it holds (WARM_PATHS_IN_MEMORY); absent: in Neo4j. */
  warmPathsInMemory?: Omit<TieGraphSettings, "loadPacer">;
  /**
   * Whether a committed tie write is followed by the worker at once (tiesMoved; TIE_FOLLOW_AT_COMMIT, default on) or by
   * the next analytics request that needs the held graph.
   */
  followAtCommit?: boolean;
  /** The light requests the worker's statements give way to (pace-heavy-work.ts); without it they are not paced. */
  light?: LightRequests;
  /**
   * The worker thread's module as compiled JavaScript (analytics-worker-thread.js of a build, scripts/build-server.mjs),
   * started with node alone. Absent: the one next to this module — compiled under `npm start`, from the TypeScript
   * sources through tsx's loader otherwise. The tests give their build's (tests/helpers/processes.ts
   * `analyticsThreadModule`): a start through tsx took ~1.5 CPU-s and 2–3.5 s, the compiled one ~0.65 CPU-s.
   */
  threadModule?: URL;
}

/** Running from the compiled dist/ (npm start) or from the TypeScript sources (development, tests: tsx's loader). */
const compiled = import.meta.url.endsWith(".js");

export class AnalyticsWorker implements OffThreadAnalytics {
  private worker: Worker | undefined;
  /** Resolves true once the worker said it is ready, false when it ended before. */
  private ready: Promise<boolean> | undefined;
  /** Resolves the `ready` of the restart under way (after a worker ended), with the next worker's readiness. */
  private restartWaiter: ((ready: boolean) => void) | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private stopped = false;
  private restartTimer: NodeJS.Timeout | undefined;
  private deaths = 0;
  /** How often a worker was started, and how many requests were answered on the API thread instead: for tests and the log. */
  starts = 0;
  fallbacks = 0;
  /** Committed tie writes the worker was told of (tiesMoved). */
  tieWritesTold = 0;
  private readonly statusWaiters = new Map<number, (status: TieGraphStatus | null) => void>();

  constructor(private readonly options: AnalyticsWorkerOptions) {}

  /** Starts the worker now (the app's start); otherwise it starts at the first request. */
  start(): void {
    if (!this.stopped && !this.worker && !this.restartTimer) this.spawn();
  }

  /** Whether the worker searches warm paths in memory (WARM_PATHS_IN_MEMORY): WarmPathsResolver routes by it. */
  get searchesWarmPathsInMemory(): boolean {
    return this.options.warmPathsInMemory !== undefined;
  }

  /** The worker thread now, if any (tests end it to see the fallback and the restart). */
  get thread(): Worker | undefined {
    return this.worker;
  }

  /** Resolves once a worker is ready (true), or false when it could not start. */
  async whenReady(): Promise<boolean> {
    this.start();
    return (await this.ready) ?? false;
  }

  async run(operation: string, args: Record<string, unknown>, db: Database, signal?: AbortSignal): Promise<unknown> {
    if (!isAnalyticsOperation(operation)) throw new Error(`Unknown analytics operation "${operation}".`);
    this.start();
    const bookmarks = await db.bookmarkList();
    const worker = this.worker;
    if (!worker || !(await this.ready) || this.worker !== worker) return this.here(operation, args, db, "not running");
    const id = this.nextId++;
    const [deadline, timeoutMs] = [db.deadline, db.fixedTimeoutMs];
    const message: AnalyticsRequest = {
      type: "run",
      id,
      operation,
      args,
      bookmarks,
      ...(deadline !== undefined ? { deadline } : {}),
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    };
    return new Promise((resolve, reject) => {
      const giveUp = (error: unknown) => {
        if (!this.pending.delete(id)) return;
        entry.done();
        this.worker?.postMessage({ type: "cancel", id } satisfies AnalyticsRequest);
        reject(error);
      };
      const timer =
        deadline === undefined
          ? undefined
          : setTimeout(() => giveUp(new TimeBudgetSpent()), Math.max(0, deadline - Date.now()) + (this.options.graceMs ?? 250));
      const onAbort = () => giveUp(signal?.reason ?? new Error("The client left before the answer."));
      signal?.addEventListener("abort", onAbort, { once: true });
      const entry: Pending = {
        operation,
        args,
        db,
        resolve,
        reject,
        done: () => {
          clearTimeout(timer);
          signal?.removeEventListener("abort", onAbort);
        },
      };
      this.pending.set(id, entry);
      worker.postMessage(message);
    });
  }

  /**
   * A write that moved the tie version has committed: the worker follows it now (TieGraphStore's follow, and the warm
   * lists and thread counts carried with it), so that the next analytics request need not wait for that follow. Only
   * when it holds the ties and is running; what it does is its own business (a failure leaves the follow to the next
   * request, as before). The caller's bookmarks go with it, so that its read of the tie version sees the write.
   */
  tiesMoved(db: Database): void {
    const worker = this.worker;
    if (!worker || !this.options.warmPathsInMemory || this.options.followAtCommit === false || this.stopped) return;
    void db
      .bookmarkList()
      .then((bookmarks) => {
        if (this.worker !== worker) return;
        this.tieWritesTold += 1;
        worker.postMessage({ type: "ties-moved", bookmarks } satisfies AnalyticsRequest);
      })
      .catch(() => {});
  }

  /** The tie graph the worker holds now (null: no worker running). */
  async tieGraphStatus(): Promise<TieGraphStatus | null> {
    const worker = this.worker;
    if (!worker || !(await this.ready) || this.worker !== worker) return null;
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.statusWaiters.set(id, resolve);
      worker.postMessage({ type: "status", id } satisfies AnalyticsRequest);
    });
  }

  /** Ends the worker and starts no other (Apollo's stop). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.restartTimer);
    this.restartTimer = undefined;
    // Whoever waits for a restart that will not come hears so.
    this.restartWaiter?.(false);
    this.restartWaiter = undefined;
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  /** Computes on the API thread: the worker is not there. */
  private here(operation: AnalyticsOperation, args: Record<string, unknown>, db: Database, why: string): Promise<unknown> {
    this.fallbacks += 1;
    log.info("Analytics answered on the API thread: the analytics worker is not available", { operation, why });
    return runAnalytics(db, operation, args);
  }

  private spawn(): void {
    const data: AnalyticsWorkerData = {
      connect: this.options.connect,
      warmPathsInMemory: this.options.warmPathsInMemory,
      ...(this.options.light ? { light: this.options.light.buffer } : {}),
    };
    const given = this.options.threadModule;
    const here = given ?? new URL(compiled ? "./analytics-worker-thread.js" : "./analytics-worker-thread.ts", import.meta.url);
    // Node 20 does not carry tsx's loader into a worker: from the sources the worker registers it first.
    const worker =
      compiled || given
        ? new Worker(here, { workerData: data, resourceLimits: { maxOldGenerationSizeMb: 1024 } })
        : new Worker(
            `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(here.href)}); })`,
            {
              eval: true,
              workerData: data,
              resourceLimits: { maxOldGenerationSizeMb: 1024 },
            },
          );
    // Never what keeps the process alive: the HTTP server does that while there are requests.
    worker.unref();
    this.worker = worker;
    this.starts += 1;
    let markReady: (ready: boolean) => void = () => {};
    this.ready = new Promise((resolve) => (markReady = resolve));
    worker.on("message", (reply: AnalyticsReply) => {
      if (reply.type === "ready") {
        markReady(true);
        if (this.deaths > 0) log.info("The analytics worker is back", { starts: this.starts });
        return;
      }
      if (reply.type === "status") {
        this.statusWaiters.get(reply.id)?.(reply.tieGraph);
        this.statusWaiters.delete(reply.id);
        return;
      }
      const entry = this.pending.get(reply.id);
      if (!entry) return;
      this.pending.delete(reply.id);
      entry.done();
      this.deaths = 0;
      if (reply.ok) entry.resolve(reply.value);
      else entry.reject(rebuild(reply.failure));
    });
    worker.on("error", (error) => {
      // The name only: the message may hold a query's parameters.
      log.error("The analytics worker failed", { error: error.name });
    });
    worker.once("exit", (code) => {
      markReady(false);
      if (this.worker === worker) this.worker = undefined;
      for (const waiter of this.statusWaiters.values()) waiter(null);
      this.statusWaiters.clear();
      const inHand = [...this.pending.values()];
      this.pending.clear();
      for (const entry of inHand) {
        entry.done();
        if (this.stopped) entry.reject(new Error("The analytics worker was stopped."));
        else this.here(entry.operation, entry.args, entry.db, "ended").then(entry.resolve, entry.reject);
      }
      // Until the restart, whenReady waits for the next worker: the ended one's `ready` (true) must not answer for it.
      if (this.stopped) {
        this.ready = Promise.resolve(false);
        return;
      }
      let afterRestart: (ready: boolean) => void = () => {};
      this.ready = new Promise((resolve) => (afterRestart = resolve));
      this.restartWaiter = afterRestart;
      const delay = Math.min(this.options.maxRestartDelayMs ?? 30_000, (this.options.restartDelayMs ?? 1000) * 2 ** this.deaths);
      this.deaths += 1;
      log.warn("The analytics worker ended; analytics run on the API thread until it is started again", {
        code,
        restartInMs: delay,
      });
      // stop() clears this timer (and answers the waiter false) in the same turn as it sets `stopped`, so the timer never
      // runs once stopped: no check of `stopped` is needed in it.
      this.restartTimer = setTimeout(() => {
        this.restartTimer = undefined;
        this.restartWaiter = undefined;
        this.spawn();
        void this.ready!.then(afterRestart);
      }, delay);
      this.restartTimer.unref();
    });
  }
}

/** The worker's failure as the error the API thread would have thrown itself (for the client's error code). */
function rebuild(failure: AnalyticsFailure): Error {
  if (failure.refusal)
    return new DomainError(failure.refusal.code, failure.refusal.message, failure.refusal.field, failure.refusal.more);
  if (failure.database) return new ForwardedDatabaseError(failure.database, failure.name);
  const error = new Error(`An analytics request failed in the analytics worker (${failure.name}).`);
  error.name = failure.name;
  return error;
}

/**
 * What the resolvers call: the operation in the analytics worker when the app has one (ctx.analytics), else here.
 * The arguments are copied into a plain object (type-graphql's argument classes do not cross threads as classes).
 */
export function answerAnalytics<O extends AnalyticsOperation>(
  ctx: GraphQLContext,
  operation: O,
  args: AnalyticsArgs<O>,
): Promise<AnalyticsAnswer<O>> {
  const plain = { ...args } as Record<string, unknown>;
  const answer = ctx.analytics ? ctx.analytics.run(operation, plain, ctx.db, ctx.signal) : runAnalytics(ctx.db, operation, plain);
  return answer as Promise<AnalyticsAnswer<O>>;
}

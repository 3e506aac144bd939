import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { HeavyStatementPacer, LightRequests } from "../../platform/limits/pace-heavy-work.js";
import { DomainError, type ErrorCode } from "../../platform/graphql/domain-error.js";
import { createBookmarks, createDatabase, databaseFailureKind, type ConnectOptions } from "../../platform/neo4j/database.js";
import type { DatabaseFailureKind } from "../../platform/neo4j/database.js";
import { analyticsSettings, isAnalyticsOperation, runAnalytics } from "./analytics-operations.js";
import { countDroppedAgain, heldWarmTiesSettings, warmTiesCarried } from "./held-warm-ties.js";
import { heldTieGraph, preloadTieGraph, tieGraphAt, tieGraphStats, type TieGraphSettings } from "./TieGraphStore.js";

/**
 * The analytics worker's thread (AnalyticsWorker.ts starts it): one driver of its own to the same Neo4j for its whole
 * life, so the warm-tie store (WarmTieStore.ts, kept per driver and tagged with the tie version) and the coordinators'
 * best paths (best-warm-paths.ts) stay warm here across requests, and the CPU of the neighbourhoods and max-flows is
 * spent on this thread instead of the API's. Requests may overlap; each runs as on the API thread.
 */

/** The most a follow started by a committed tie write may take, all its statements together (then the next request's). */
const TIES_MOVED_FOLLOW_BUDGET_MS = 30_000;

/** How long the worker must have had nothing to do before it counts dropped thread counts again (countAgainWhenIdle). */
const COUNT_AGAIN_AFTER_QUIET_MS = 50;

/** The worker thread's nice value on Linux (0 is the API's, 19 the lowest priority). */
const ANALYTICS_NICE = 10;

export interface AnalyticsWorkerData {
  connect: ConnectOptions;
  /** Hub warm paths in memory over the worker's tie graph (find-warm-paths-in-memory.ts); absent: searched in Neo4j. */
  warmPathsInMemory?: Omit<TieGraphSettings, "loadPacer">;
  /** The API thread's count of light requests (LightRequests): the worker's statements give way to them. */
  light?: SharedArrayBuffer;
}

/** API thread → worker. */
export type AnalyticsRequest =
  | {
      type: "run";
      id: number;
      operation: string;
      args: Record<string, unknown>;
      /** The request's time budget (epoch ms, Database.deadline) and fixed limit per transaction, applied here alike. */
      deadline?: number;
      timeoutMs?: number;
      /** The caller's bookmarks: the worker's reads start after the caller's own writes (causal consistency). */
      bookmarks: string[];
    }
  | { type: "cancel"; id: number }
  /** A write that moved the tie version has committed (AnalyticsWorker.tiesMoved): follow it now. */
  | { type: "ties-moved"; bookmarks: string[] }
  /** What the worker holds (AnalyticsWorker.tieGraphStatus: the logs, the tests). */
  | { type: "status"; id: number };

/** Why an operation failed, as plain data; the API thread rebuilds the error (AnalyticsWorker.ts). */
export interface AnalyticsFailure {
  name: string;
  /** An input error for the client (DomainError), rebuilt as the same DomainError. */
  refusal?: { code: ErrorCode; message: string; field: string | undefined; more: Record<string, unknown> };
  /** A database failure the API answers in its own way (unreachable, timed out, out of memory). */
  database?: DatabaseFailureKind;
}

/** The tie graph the worker holds: the version it is at (null: none held), and its loads and follows so far. */
export interface TieGraphStatus {
  version: string | null;
  loads: number;
  follows: number;
  /** Thread counts a follow dropped and the worker counted again while idle (held-warm-ties.ts countDroppedAgain). */
  countedAgain: number;
}

/** Worker → API thread. */
export type AnalyticsReply =
  | { type: "ready" }
  | { type: "status"; id: number; tieGraph: TieGraphStatus }
  | { type: "answer"; id: number; ok: true; value: unknown }
  | { type: "answer"; id: number; ok: false; failure: AnalyticsFailure };

function describeFailure(error: unknown): AnalyticsFailure {
  const name = error instanceof Error ? error.name : "unknown";
  if (error instanceof DomainError) {
    const { code: _code, field: _field, ...more } = error.extensions as Record<string, unknown>;
    return { name, refusal: { code: error.code, message: error.message, field: error.field, more } };
  }
  // The kind only: a driver's message may quote query parameters (personal data).
  const database = databaseFailureKind(error);
  return database ? { name, database } : { name };
}

function main(): void {
  const port = parentPort;
  if (!port) return;
  const data = workerData as AnalyticsWorkerData;
  const { connect, warmPathsInMemory } = data;
  const light = data.light ? new LightRequests(data.light) : undefined;
  // The analytics' own JavaScript (neighbourhoods, max-flows) at a lower priority than the API thread that serves
  // everyone: on Linux a thread's nice value is its own (setpriority on the calling thread), elsewhere it would lower
  // the whole process, so only there. Best effort: without the right it stays as it was.
  if (process.platform === "linux") {
    try {
      setPriority(ANALYTICS_NICE);
    } catch {
      // not allowed here: the analytics run at the API's priority
    }
  }
  const base = createDatabase(connect);
  // Only here, never on the API thread's fallback: the tie graph (~33 MB at L) is held by the worker alone. Its reads of
  // every tie run under their own budget, giving way to light requests as a heavy request's reads do (a quarter of it).
  const tieGraph: TieGraphSettings | null = warmPathsInMemory
    ? {
        ...warmPathsInMemory,
        ...(light ? { loadPacer: (budgetMs: number) => new HeavyStatementPacer(light, budgetMs / 4) } : {}),
      }
    : null;
  analyticsSettings.warmPathsInMemory = tieGraph;
  // The embeddings' warm ties from the same graph when it is held at the request's tie version (held-warm-ties.ts).
  heldWarmTiesSettings.graph = tieGraph;
  // The ties are read at once (~25 s at L, on this thread), not at the first hub request; meanwhile Neo4j's search answers.
  if (tieGraph) preloadTieGraph(base, tieGraph).catch(() => {});
  /** Requests the API thread gave up on (timed out, client gone): their answers are not sent. */
  const cancelled = new Set<number>();
  const running = new Set<number>();
  /** Follows started by a committed tie write (ties-moved) that have not ended. */
  let following = 0;
  /**
   * While nothing else runs here, the thread counts a follow dropped are counted again, one at a time (held-warm-ties.ts
   * countDroppedAgain): the next request for such a programme finds its figures. Only once the thread has been quiet for
   * COUNT_AGAIN_AFTER_QUIET_MS — no request or follow running or started meanwhile — so that requests coming one after
   * the other are not interleaved with counts; a request that arrives during a count waits for that one count at most
   * (only counts that took ≤ COUNT_AGAIN_MOST_MS are made). Started again when the last request or follow ends.
   */
  let countingAgain: NodeJS.Timeout | undefined;
  let lastBusy = Date.now();
  const countAgainWhenIdle = (): void => {
    lastBusy = Date.now();
    if (!tieGraph || countingAgain) return;
    const tryNow = (): void => {
      const quietFor = Date.now() - lastBusy;
      if (running.size > 0 || following > 0) {
        countingAgain = undefined;
        return;
      }
      if (quietFor < COUNT_AGAIN_AFTER_QUIET_MS) {
        countingAgain = setTimeout(tryNow, COUNT_AGAIN_AFTER_QUIET_MS - quietFor);
        return;
      }
      void countDroppedAgain(base)
        .catch(() => false) // a count that failed is made by the request that asks for it
        .then((more) => {
          countingAgain = more ? setTimeout(tryNow, 0) : undefined;
        });
    };
    countingAgain = setTimeout(tryNow, COUNT_AGAIN_AFTER_QUIET_MS);
  };
  port.on("message", (message: AnalyticsRequest) => {
    if (message.type === "cancel") {
      if (running.has(message.id)) cancelled.add(message.id);
      return;
    }
    if (message.type === "status") {
      const status: TieGraphStatus = {
        version: heldTieGraph(base)?.version ?? null,
        loads: tieGraphStats.loads,
        follows: tieGraphStats.follows,
        countedAgain: warmTiesCarried.countedAgain,
      };
      port.postMessage({ type: "status", id: message.id, tieGraph: status } satisfies AnalyticsReply);
      return;
    }
    if (message.type === "ties-moved") {
      // Follow the tie writes now (the tie log's pairs, TieGraphStore.ts): a request arriving meanwhile waits for the same
      // follow, one after it finds the graph at the new version. Nothing is sent back; a failed follow is tried again by
      // the next request that needs the graph, as before.
      if (!tieGraph) return;
      const db = base.withBookmarks(createBookmarks(message.bookmarks)).withTimeBudget(TIES_MOVED_FOLLOW_BUDGET_MS);
      following += 1;
      lastBusy = Date.now();
      void db
        .tieVersion()
        .then((version) => (version === null ? null : tieGraphAt(db, version, tieGraph)))
        .catch(() => {})
        .finally(() => {
          following -= 1;
          countAgainWhenIdle();
        });
      return;
    }
    const { id, operation, args, deadline, timeoutMs, bookmarks } = message;
    running.add(id);
    lastBusy = Date.now();
    void (async () => {
      let reply: AnalyticsReply;
      try {
        if (!isAnalyticsOperation(operation)) throw new Error(`Unknown analytics operation "${operation}".`);
        let db = base.withBookmarks(createBookmarks(bookmarks));
        if (timeoutMs !== undefined) db = db.withTransactionTimeout(timeoutMs);
        // The same deadline as the API thread's: past it no statement starts here either (a cancel cannot stop JavaScript).
        if (deadline !== undefined) db = db.withTimeBudget(deadline - Date.now());
        // Every analytic is a heavy request: its reads run in turn and give way to the light requests (pace-heavy-work.ts).
        if (light && deadline !== undefined) db = db.withPacer(new HeavyStatementPacer(light, (deadline - Date.now()) / 4));
        reply = { type: "answer", id, ok: true, value: await runAnalytics(db, operation, args) };
      } catch (error) {
        reply = { type: "answer", id, ok: false, failure: describeFailure(error) };
      }
      running.delete(id);
      if (running.size === 0) countAgainWhenIdle();
      if (cancelled.delete(id)) return;
      port.postMessage(reply);
    })();
  });
  port.postMessage({ type: "ready" } satisfies AnalyticsReply);
}

main();

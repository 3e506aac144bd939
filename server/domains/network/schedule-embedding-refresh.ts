import type { Worker } from "node:worker_threads";
import { log } from "../../platform/log.js";
import type { Database } from "../../platform/neo4j/database.js";
import type { EmbeddingRefresh } from "./EmbeddingTypes.js";
import { isRefreshConnectivityError, refreshOffThread, refreshRunsOffThread } from "./refresh-off-thread.js";

/**
 * Keeps the stored embedding figures (refresh-embedding.ts) current: every `intervalMs` it
 * recomputes the figures of every workspace (refresh-all-workspaces.ts), in a worker thread when
 * running compiled (refresh-off-thread.ts), so that the API's requests never wait for it. The next run is timed
 * from the end of the last, so runs never overlap; the first comes one interval after the start,
 * so a restart does not put a full recomputation in the way of the first requests. When Neo4j is
 * unreachable the run is skipped and the next one tried on time. Logs carry counts and ids only.
 * The figures are therefore at most one interval plus one refresh's duration old.
 */

export interface EmbeddingRefreshSchedule {
  /** Runs finished (refreshed every workspace), skipped (Neo4j down) and failed so far. */
  readonly state: {
    runs: number;
    skipped: number;
    failures: number;
    last: EmbeddingRefresh[];
    ranIn: "worker" | "in-process" | null;
  };
  /** Stops the timer; a run under way is given a moment to finish (its writes are one transaction). */
  stop(): Promise<void>;
}

export interface ScheduleOptions {
  intervalMs: number;
  /** How long stop() waits for a run under way. */
  stopGraceMs?: number;
}

export function scheduleEmbeddingRefresh(db: Database, options: ScheduleOptions): EmbeddingRefreshSchedule {
  const state: EmbeddingRefreshSchedule["state"] = { runs: 0, skipped: 0, failures: 0, last: [], ranIn: null };
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  let worker: Worker | undefined;
  const run = async () => {
    const started = Date.now();
    try {
      // In a worker when running compiled (refresh-off-thread.ts).
      state.ranIn = refreshRunsOffThread(db) ? "worker" : "in-process";
      state.last = await refreshOffThread(db, "all", (w) => (worker = w)).finally(() => (worker = undefined));
      state.runs += 1;
      log.info("Embedding figures refreshed", {
        workspaces: state.last.length,
        programmes: state.last.reduce((n, s) => n + s.programmes, 0),
        institutions: state.last.reduce((n, s) => n + s.institutions, 0),
        ms: Date.now() - started,
        in: state.ranIn,
      });
    } catch (error) {
      if (stopped) return; // the driver closes under a run cut short by shutdown
      if (isRefreshConnectivityError(error)) {
        state.skipped += 1;
        log.warn("Embedding refresh skipped: Neo4j is not reachable; trying again at the next interval");
      } else {
        state.failures += 1;
        // The name and code only: a message may quote query parameters.
        const code = (error as { code?: unknown }).code;
        log.error("Embedding refresh failed", {
          error: error instanceof Error ? error.name : "unknown",
          code: typeof code === "string" ? code : undefined,
        });
      }
    }
  };
  const plan = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = run().finally(() => {
        running = undefined;
        plan();
      });
    }, options.intervalMs);
    // The schedule alone never keeps the process alive.
    timer.unref();
  };
  plan();

  return {
    state,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (running) {
        await Promise.race([running, new Promise((resolve) => setTimeout(resolve, options.stopGraceMs ?? 2_000).unref())]);
      }
      // A run still under way is cut short: its writes are one transaction, so nothing half-written stays.
      await worker?.terminate();
    },
  };
}

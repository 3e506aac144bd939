import { log } from "../log.js";
import { isConnectivityError, type Database } from "../neo4j/database.js";
import { refreshEmbedding, type RefreshSummary } from "./refresh-embedding.js";

/**
 * Keeps the stored embedding figures (refresh-embedding.ts) current: every `intervalMs` it
 * recomputes the figures of every workspace, with the settings its stored figures were made with
 * (warm threshold, hop limit; the defaults when it has none), as of today. The next run is timed
 * from the end of the last, so runs never overlap; the first comes one interval after the start,
 * so a restart does not put a full recomputation in the way of the first requests. When Neo4j is
 * unreachable the run is skipped and the next one tried on time. Logs carry counts and ids only.
 * The figures are therefore at most one interval plus one refresh's duration old.
 */

export interface EmbeddingRefreshSchedule {
  /** Runs finished (refreshed every workspace), skipped (Neo4j down) and failed so far. */
  readonly state: { runs: number; skipped: number; failures: number; last: RefreshSummary[] };
  /** Stops the timer; a run under way is given a moment to finish (its writes are one transaction). */
  stop(): Promise<void>;
}

export interface ScheduleOptions {
  intervalMs: number;
  /** How long stop() waits for a run under way. */
  stopGraceMs?: number;
}

async function refreshAll(db: Database): Promise<RefreshSummary[]> {
  const rows = await db.read(
    `MATCH (w:Workspace)
     WITH w, head(COLLECT {
       MATCH (s:EmbeddingSnapshot {workspaceId: w.id})
       RETURN {warmThreshold: s.warmThreshold, maxHops: s.maxHops} LIMIT 1
     }) AS stored
     RETURN w.id AS id, stored.warmThreshold AS warmThreshold, stored.maxHops AS maxHops ORDER BY id`,
  );
  const done: RefreshSummary[] = [];
  for (const row of rows) {
    done.push(
      await refreshEmbedding(db, {
        workspace: String(row.id),
        warmThreshold: row.warmThreshold == null ? null : Number(row.warmThreshold),
        maxHops: row.maxHops == null ? null : Number(row.maxHops),
      }),
    );
  }
  return done;
}

export function scheduleEmbeddingRefresh(db: Database, options: ScheduleOptions): EmbeddingRefreshSchedule {
  const state: EmbeddingRefreshSchedule["state"] = { runs: 0, skipped: 0, failures: 0, last: [] };
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const run = async () => {
    const started = Date.now();
    try {
      state.last = await refreshAll(db);
      state.runs += 1;
      log.info("Embedding figures refreshed", {
        workspaces: state.last.length,
        programmes: state.last.reduce((n, s) => n + s.programmes, 0),
        institutions: state.last.reduce((n, s) => n + s.institutions, 0),
        ms: Date.now() - started,
      });
    } catch (error) {
      if (stopped) return; // the driver closes under a run cut short by shutdown
      if (isConnectivityError(error)) {
        state.skipped += 1;
        log.warn("Embedding refresh skipped: Neo4j is not reachable; trying again at the next interval");
      } else {
        state.failures += 1;
        // The name and code only: a message may quote query parameters.
        const code = (error as { code?: unknown }).code;
        log.error("Embedding refresh failed", { error: error instanceof Error ? error.name : "unknown", code: typeof code === "string" ? code : undefined });
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
    },
  };
}

import { log } from "../log.js";
import { DatabaseConnectionError, verifyDatabase, type Database } from "../neo4j/database.js";
import type { DatabaseMonitor } from "./DatabaseMonitor.js";

export interface WaitOptions {
  uri: string;
  database: string;
  /** Give up after this long (0: try once). */
  timeoutMs: number;
  minBackoffMs?: number;
  maxBackoffMs?: number;
  monitor?: DatabaseMonitor;
}

/**
 * The start on an external Neo4j that may not be up yet (a container still starting): tries,
 * and on "unreachable" waits 0.5 s, 1 s, 2 s, … (at most 5 s) and tries again, with one log line
 * per attempt and the monitor (hence /health) saying why, until `timeoutMs` has passed. Wrong
 * credentials or a missing database fail at once: waiting does not fix those.
 */
export async function waitForDatabase(db: Database, options: WaitOptions): Promise<void> {
  const min = options.minBackoffMs ?? 500;
  const max = options.maxBackoffMs ?? 5_000;
  const deadline = Date.now() + options.timeoutMs;
  for (let attempt = 1; ; attempt++) {
    try {
      await verifyDatabase(db, options);
      options.monitor?.markUp();
      if (attempt > 1) log.info(`Neo4j at ${options.uri} answers (attempt ${attempt}).`);
      return;
    } catch (error) {
      const explained = error as DatabaseConnectionError;
      if (!(error instanceof DatabaseConnectionError) || explained.code !== "UNREACHABLE") throw error;
      const wait = Math.min(max, min * 2 ** (attempt - 1));
      if (Date.now() + wait > deadline) throw error;
      log.warn(`Neo4j at ${options.uri} is not reachable (attempt ${attempt}); retrying in ${(wait / 1000).toFixed(1)} s.`);
      options.monitor?.noteStartAttempt(attempt, "not reachable", wait);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

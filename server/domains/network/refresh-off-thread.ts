import { Worker } from "node:worker_threads";
import { DomainError } from "../../platform/graphql/domain-error.js";
import { isConnectivityError, type Database } from "../../platform/neo4j/database.js";
import type { EmbeddingOptions } from "./compute-embedding.js";
import { refreshAllWorkspaces } from "./refresh-all-workspaces.js";
import type { EmbeddingRefresh } from "./EmbeddingTypes.js";
import { refreshEmbedding } from "./refresh-embedding.js";
import type { RefreshJob, WorkerReply } from "./refresh-embedding-worker.js";

/**
 * A refresh of the stored embedding figures, off the API's thread. At national scale a refresh is
 * about a minute of CPU in JavaScript (neighbourhoods and max-flow of 1,000 programmes and 110
 * institutions) in slices of up to 7 s per institution: on the API's own thread every request
 * waited that long (measured: event-loop delay max 7.4 s during a refresh at L; 22 ms with the
 * worker). The worker (refresh-embedding-worker.ts) opens its own connection to the same Neo4j
 * (Database.connectOptions), is started per refresh and ends with it.
 *
 * Only when running compiled (npm start, from dist/): Node 20 does not carry tsx's loader into
 * worker threads, so from the TypeScript sources (development, tests) the refresh runs on the
 * calling thread, with the same result.
 */
const compiled = import.meta.url.endsWith(".js");

/** Whether refreshOffThread puts a refresh for `db` in a worker (compiled, and `db` says how to connect). */
export function refreshRunsOffThread(db: Database): boolean {
  return compiled && db.connectOptions !== undefined;
}

/** A failure inside the worker, with what the caller needs to classify and report it. */
export class RefreshWorkerError extends Error {
  constructor(
    readonly connectivity: boolean,
    name: string,
    readonly code?: string,
  ) {
    super(`The embedding refresh failed in its worker (${name}${code ? `, ${code}` : ""}).`);
    this.name = name;
  }
}

/** Whether the error means Neo4j could not be reached, wherever the refresh ran. */
export function isRefreshConnectivityError(error: unknown): boolean {
  return error instanceof RefreshWorkerError ? error.connectivity : isConnectivityError(error);
}

/**
 * Refreshes one workspace (options) or every workspace ("all"): in a worker when possible, else
 * here. `onStart` hands out the worker, so that a shutdown can end it.
 */
export async function refreshOffThread(
  db: Database,
  job: EmbeddingOptions | "all",
  onStart: (worker: Worker) => void = () => {},
): Promise<EmbeddingRefresh[]> {
  const connect = refreshRunsOffThread(db) ? db.connectOptions : undefined;
  if (!connect) return job === "all" ? refreshAllWorkspaces(db) : [await refreshEmbedding(db, job)];
  const data: RefreshJob = { connect, options: job === "all" ? null : { ...job } };
  const worker = new Worker(new URL("./refresh-embedding-worker.js", import.meta.url), {
    workerData: data,
    // The same old-space cap as the API's own heap (package.json, npm start).
    resourceLimits: { maxOldGenerationSizeMb: 1024 },
  });
  onStart(worker);
  return new Promise((resolve, reject) => {
    let replied = false;
    worker.once("message", (reply: WorkerReply) => {
      replied = true;
      if (reply.ok) resolve(reply.summaries);
      // Input errors (unknown workspace, bad threshold) reach the client as they would from here.
      else if (reply.refusal) reject(new DomainError(reply.refusal.code, reply.refusal.message, reply.refusal.field));
      else reject(new RefreshWorkerError(reply.connectivity, reply.name, reply.code));
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (!replied) reject(new Error(`The embedding refresh worker ended with code ${code} before it answered.`));
    });
  });
}

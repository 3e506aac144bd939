import { parentPort, workerData } from "node:worker_threads";
import { DomainError, type ErrorCode } from "../../platform/graphql/domain-error.js";
import { createDatabase, isConnectivityError, type ConnectOptions } from "../../platform/neo4j/database.js";
import type { EmbeddingOptions } from "./compute-embedding.js";
import { refreshAllWorkspaces } from "./refresh-all-workspaces.js";
import type { EmbeddingRefresh } from "./EmbeddingTypes.js";
import { refreshEmbedding } from "./refresh-embedding.js";

/** The worker thread of refresh-off-thread.ts: one refresh on its own connection, one reply. */

export interface RefreshJob {
  connect: ConnectOptions;
  /** One workspace's refresh; null: every workspace with its stored settings. */
  options: EmbeddingOptions | null;
}

export type WorkerReply =
  | { ok: true; summaries: EmbeddingRefresh[] }
  | {
      ok: false;
      connectivity: boolean;
      name: string;
      code?: string;
      /** An input error for the client, rebuilt as the same DomainError on the other side. */
      refusal?: { code: ErrorCode; message: string; field: string | undefined };
    };

async function main(): Promise<void> {
  const job = workerData as RefreshJob;
  const db = createDatabase(job.connect);
  let reply: WorkerReply;
  try {
    reply = { ok: true, summaries: job.options ? [await refreshEmbedding(db, job.options)] : await refreshAllWorkspaces(db) };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    // The name and code only (a driver's message may quote query parameters), except for input
    // errors written for the client.
    reply = {
      ok: false,
      connectivity: isConnectivityError(error),
      name: error instanceof Error ? error.name : "unknown",
      ...(typeof code === "string" ? { code } : {}),
      ...(error instanceof DomainError ? { refusal: { code: error.code, message: error.message, field: error.field } } : {}),
    };
  } finally {
    await db.close().catch(() => {});
  }
  parentPort?.postMessage(reply);
}

void main();

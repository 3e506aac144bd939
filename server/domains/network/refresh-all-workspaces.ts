import type { Database } from "../../platform/neo4j/database.js";
import type { EmbeddingRefresh } from "./EmbeddingTypes.js";
import { refreshEmbedding } from "./refresh-embedding.js";
import { READ_WORKSPACE_EMBEDDING_SETTINGS } from "./statements.js";

/**
 * Recomputes the stored embedding figures of every workspace, as of today, each with its own warm
 * threshold (Workspace.warmThreshold, warm-threshold.ts) and the hop limit its stored figures were
 * made with (the default when it has none).
 */
export async function refreshAllWorkspaces(db: Database): Promise<EmbeddingRefresh[]> {
  const rows = await db.read(READ_WORKSPACE_EMBEDDING_SETTINGS);
  const done: EmbeddingRefresh[] = [];
  for (const row of rows) {
    done.push(
      await refreshEmbedding(db, {
        workspace: String(row.id),
        warmThreshold: null,
        maxHops: row.maxHops == null ? null : Number(row.maxHops),
      }),
    );
  }
  return done;
}

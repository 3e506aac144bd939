import type { Database } from "../../platform/neo4j/database.js";
import type { EmbeddingRefresh } from "./EmbeddingTypes.js";
import { refreshEmbedding } from "./refresh-embedding.js";
import { READ_WORKSPACE_EMBEDDING_SETTINGS } from "./statements.js";

/**
 * Recomputes the stored embedding figures of every workspace, each with the settings its stored
 * figures were made with (warm threshold, hop limit; the defaults when it has none), as of today.
 */
export async function refreshAllWorkspaces(db: Database): Promise<EmbeddingRefresh[]> {
  const rows = await db.read(READ_WORKSPACE_EMBEDDING_SETTINGS);
  const done: EmbeddingRefresh[] = [];
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

import type { Database } from "../neo4j/database.js";

/**
 * The graph's version (Database.graphVersion: the bookmark of the last transaction Neo4j had
 * applied), which the shared tie store is tagged with; null when the server gives none.
 */
export async function readGraphVersion(db: Database): Promise<string | null> {
  return db.graphVersion();
}

import { ConfigError, loadConfig } from "../../platform/config.js";
import { ensureConstraints } from "../../platform/neo4j/constraints.js";
import { connectDatabase, DatabaseConnectionError, type Database } from "../../platform/neo4j/database.js";
import { EmbeddedNeo4jError, startEmbeddedNeo4j, type EmbeddedNeo4j } from "../../platform/neo4j/embedded.js";
import { embeddedOptionsFrom } from "../../platform/neo4j/embedded-options-from-config.js";

/**
 * Runs a command-line tool's work against the configured Neo4j: NEO4J_URI when set, else the
 * embedded Neo4j on the configured data folder, started for the run and stopped after.
 */
export async function runWithCliDatabase<T>(work: (db: Database) => Promise<T>, say: (line: string) => void): Promise<T> {
  const config = loadConfig();
  let embedded: EmbeddedNeo4j | undefined;
  let db: Database | undefined;
  try {
    if (!config.NEO4J_URI) {
      embedded = await startEmbeddedNeo4j(embeddedOptionsFrom(config, say));
    }
    db = await connectDatabase({
      uri: config.NEO4J_URI ?? embedded?.uri ?? "",
      username: config.NEO4J_USERNAME,
      password: config.NEO4J_PASSWORD,
      database: config.NEO4J_DATABASE,
      noAuth: !config.NEO4J_URI,
    });
    await ensureConstraints(db);
    return await work(db);
  } finally {
    await db?.close().catch(() => {});
    await embedded?.stop().catch(() => {});
  }
}

/** The one line to print for errors whose message already says what to do; undefined for others. */
export function explainCliError(error: unknown): string | undefined {
  if (error instanceof EmbeddedNeo4jError) {
    const busy = error.code === "STORE_LOCKED" || error.code === "PORT_IN_USE";
    // The usual cause: `npm start` holds the embedded database; the tool can use it over Bolt.
    return busy
      ? `${error.message} (Is npm start running? Then set NEO4J_URI=bolt://127.0.0.1:<NEO4J_BOLT_PORT> to use it.)`
      : error.message;
  }
  if (error instanceof DatabaseConnectionError || error instanceof ConfigError) return error.message;
  return undefined;
}

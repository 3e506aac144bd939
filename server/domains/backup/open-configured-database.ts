import type { Config } from "../../platform/config.js";
import { connectDatabase, type Database } from "../../platform/neo4j/database.js";
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from "../../platform/neo4j/embedded.js";
import { embeddedOptionsFrom } from "../../platform/neo4j/embedded-options-from-config.js";

export interface OpenedDatabase {
  db: Database;
  /** Where it came from, for a person reading stderr. */
  description: string;
  /** Closes the connection and stops the embedded Neo4j if this process started it. */
  close(): Promise<void>;
}

/**
 * The database the configuration points at, for command-line tools: NEO4J_URI when set; else the
 * embedded Neo4j already running on NEO4J_BOLT_PORT (e.g. under `npm start`, which holds the store
 * lock), else a new embedded Neo4j on NEO4J_HOME, stopped again by close().
 */
export async function openConfiguredDatabase(
  config: Config,
  progress: (line: string) => void = () => {},
): Promise<OpenedDatabase> {
  if (config.NEO4J_URI) {
    const db = await connectDatabase({
      uri: config.NEO4J_URI,
      username: config.NEO4J_USERNAME,
      password: config.NEO4J_PASSWORD,
      database: config.NEO4J_DATABASE,
    });
    return { db, description: config.NEO4J_URI, close: () => db.close() };
  }
  const localUri = `bolt://127.0.0.1:${config.NEO4J_BOLT_PORT}`;
  try {
    const db = await connectDatabase({
      uri: localUri,
      database: config.NEO4J_DATABASE,
      noAuth: true,
      connectionTimeoutMs: 2_000,
    });
    return { db, description: `the embedded Neo4j already running at ${localUri}`, close: () => db.close() };
  } catch {
    // Nothing (usable) listens there: start our own.
  }
  const embedded: EmbeddedNeo4j = await startEmbeddedNeo4j(embeddedOptionsFrom(config, progress));
  try {
    const db = await connectDatabase({ uri: embedded.uri, database: config.NEO4J_DATABASE, noAuth: true });
    return {
      db,
      description: `the embedded Neo4j in ${config.NEO4J_HOME}`,
      close: async () => {
        await db.close();
        await embedded.stop();
      },
    };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}

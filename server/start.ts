import { ConfigError, type Config } from "./config.js";
import { HttpListenError, listen, type RunningHttp } from "./http/listen.js";
import { log } from "./log.js";
import { ensureConstraints } from "./neo4j/constraints.js";
import { connectDatabase, DatabaseConnectionError, type Database } from "./neo4j/database.js";
import { EmbeddedNeo4jError, startEmbeddedNeo4j, type EmbeddedNeo4j } from "./neo4j/embedded.js";
import { graphIsEmpty, loadDemoData } from "../seed/load-demo.js";

/** What `npm start` brings up, in order, and takes down in reverse. */
export interface RunningProduct {
  url: string;
  db: Database;
  http: RunningHttp;
  embedded?: EmbeddedNeo4j;
  /** Figures of this start, for the log and the README: milliseconds per phase. */
  timings: Record<string, number>;
  stop(): Promise<void>;
}

/** Errors whose message is already one line that says what to do: print it, no stack trace. */
export function isExplainedStartupError(error: unknown): error is Error {
  return (
    error instanceof ConfigError ||
    error instanceof EmbeddedNeo4jError ||
    error instanceof DatabaseConnectionError ||
    error instanceof HttpListenError
  );
}

/** Connects to Neo4j (the embedded one when NEO4J_URI is unset), prepares the graph, and serves HTTP. */
export async function startProduct(config: Config): Promise<RunningProduct> {
  const timings: Record<string, number> = {};
  const t0 = Date.now();
  let embedded: EmbeddedNeo4j | undefined;
  let db: Database | undefined;
  try {
    if (!config.NEO4J_URI) {
      embedded = await startEmbeddedNeo4j({
        home: config.NEO4J_HOME,
        runtimeDir: config.NEO4J_RUNTIME_DIR,
        boltPort: config.NEO4J_BOLT_PORT,
        heap: config.NEO4J_HEAP,
        pagecache: config.NEO4J_PAGECACHE,
        startTimeoutMs: config.NEO4J_START_TIMEOUT_MS,
        javaHome: config.JAVA_HOME,
        onProgress: (line) => log.info(line),
      });
      timings.neo4jStartMs = Date.now() - t0;
      log.info(`Embedded Neo4j ${embedded.version} ready at ${embedded.uri}`, { ms: timings.neo4jStartMs });
    }
    const uri = config.NEO4J_URI ?? embedded?.uri ?? "";
    db = await connectDatabase({
      uri,
      username: config.NEO4J_USERNAME,
      password: config.NEO4J_PASSWORD,
      database: config.NEO4J_DATABASE,
      noAuth: !config.NEO4J_URI,
    });
    const t1 = Date.now();
    await ensureConstraints(db);
    timings.constraintsMs = Date.now() - t1;

    if (config.SEED_DEMO && (await graphIsEmpty(db))) {
      log.info("The database is empty: loading the demo data…");
      const seeded = await loadDemoData(db, { onProgress: (line) => log.info(line) });
      timings.seedMs = seeded.ms;
      log.info("Demo data loaded", { nodes: seeded.nodes, relationships: seeded.relationships, ms: seeded.ms });
    }

    const http = await listen(config, db);
    timings.totalMs = Date.now() - t0;
    const running: RunningProduct = {
      url: http.url,
      db,
      http,
      ...(embedded ? { embedded } : {}),
      timings,
      async stop() {
        await http.close();
        await db?.close();
        await embedded?.stop();
      },
    };
    return running;
  } catch (error) {
    await db?.close().catch(() => {});
    await embedded?.stop().catch(() => {});
    throw error;
  }
}

import type { Config } from "../config.js";
import type { EmbeddedNeo4jOptions } from "./embedded.js";

/** The embedded Neo4j as the configuration describes it: one mapping for the app and every CLI. */
export function embeddedOptionsFrom(config: Config, onProgress: (line: string) => void): EmbeddedNeo4jOptions {
  return {
    home: config.NEO4J_HOME,
    runtimeDir: config.NEO4J_RUNTIME_DIR,
    boltPort: config.NEO4J_BOLT_PORT,
    heap: config.NEO4J_HEAP,
    pagecache: config.NEO4J_PAGECACHE,
    startTimeoutMs: config.NEO4J_START_TIMEOUT_MS,
    javaHome: config.JAVA_HOME,
    jvmOptions: config.NEO4J_JVM_OPTIONS?.split(/\s+/).filter(Boolean) ?? [],
    // One transaction's heap: a runaway analytic is stopped before it takes the memory others need (docs/security.md).
    settings: { "db.memory.transaction.max": config.NEO4J_TRANSACTION_MEMORY },
    onProgress,
  };
}

import { Command } from "commander";
import { ConfigError, loadConfig } from "../config.js";
import { EmbeddedNeo4jError, startEmbeddedNeo4j } from "./embedded.js";
import { embeddedOptionsFrom } from "./embedded-options-from-config.js";

/**
 * `npm run neo4j`: the embedded Neo4j alone, in the foreground, for tools that want a database
 * without the API (the import, the benchmark, Neo4j's own clients on the Bolt port).
 */
const program = new Command()
  .name("npm run neo4j --")
  .description("Run the embedded Neo4j in the foreground until Ctrl-C.")
  .option("--home <dir>", "data folder (default: NEO4J_HOME)")
  .option("--port <port>", "Bolt port on 127.0.0.1 (default: NEO4J_BOLT_PORT)")
  .parse();

async function main(): Promise<void> {
  const config = loadConfig();
  const opts = program.opts<{ home?: string; port?: string }>();
  const neo4j = await startEmbeddedNeo4j({
    ...embeddedOptionsFrom(config, (line) => process.stderr.write(`${line}\n`)),
    home: opts.home ?? config.NEO4J_HOME,
    boltPort: opts.port ? Number(opts.port) : config.NEO4J_BOLT_PORT,
  });
  process.stdout.write(`Neo4j ${neo4j.version} ready at ${neo4j.uri} (pid ${neo4j.pid}); Ctrl-C stops it.\n`);
  const stop = (): void => {
    void neo4j.stop().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  const explained = error instanceof EmbeddedNeo4jError || error instanceof ConfigError;
  process.stderr.write(`${explained ? (error as Error).message : `Could not start Neo4j: ${String(error)}`}\n`);
  process.exit(1);
});

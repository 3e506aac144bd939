import { Command } from "commander";
import { ConfigError, loadConfig } from "../server/platform/config.js";
import { connectDatabase, DatabaseConnectionError, type Database } from "../server/platform/neo4j/database.js";
import { EmbeddedNeo4jError, startEmbeddedNeo4j, type EmbeddedNeo4j } from "../server/platform/neo4j/embedded.js";
import { domainLabels, graphIsEmpty, loadDemoData } from "./load-demo.js";
import { embeddedOptionsFrom } from "../server/platform/neo4j/embedded-options-from-config.js";

/**
 * `npm run seed`: loads the demo data set into the configured Neo4j (the embedded one when
 * NEO4J_URI is unset, started for the load and stopped afterwards). Loading is idempotent;
 * `--reset` deletes the domain data first.
 */
const program = new Command()
  .name("npm run seed --")
  .description("Load the demo data set (fictional institutions, SMEs, cases and network) into Neo4j.")
  .option("--reset", "delete all domain data first, then load")
  .parse();

async function main(): Promise<void> {
  const opts = program.opts<{ reset?: boolean }>();
  const config = loadConfig();
  let embedded: EmbeddedNeo4j | undefined;
  let db: Database | undefined;
  try {
    if (!config.NEO4J_URI) {
      embedded = await startEmbeddedNeo4j(embeddedOptionsFrom(config, (line) => process.stderr.write(`${line}\n`)));
    }
    const uri = config.NEO4J_URI ?? embedded?.uri ?? "";
    db = await connectDatabase({
      uri,
      username: config.NEO4J_USERNAME,
      password: config.NEO4J_PASSWORD,
      database: config.NEO4J_DATABASE,
      noAuth: !config.NEO4J_URI,
    });
    if (!opts.reset && !(await graphIsEmpty(db))) {
      process.stderr.write("The graph already holds data: merging the demo data into it (use --reset to reload from scratch).\n");
    }
    const result = await loadDemoData(db, {
      reset: opts.reset === true,
      onProgress: (line) => process.stderr.write(`${line}\n`),
    });
    process.stdout.write(
      `Demo data ${opts.reset ? "reloaded" : "loaded"} into ${uri}: ${result.nodes} nodes and ${result.relationships} relationships in ${result.ms} ms.\n`,
    );
    // What the graph now holds per label (demo data and anything that was there before).
    const rows = await db.read(
      "MATCH (n) UNWIND labels(n) AS label WITH label WHERE label IN $labels RETURN label, count(*) AS count ORDER BY label",
      { labels: domainLabels() },
    );
    for (const row of rows) process.stdout.write(`  ${String(row.label).padEnd(18)} ${String(row.count).padStart(6)}\n`);
  } finally {
    await db?.close().catch(() => {});
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  const explained =
    error instanceof EmbeddedNeo4jError || error instanceof DatabaseConnectionError || error instanceof ConfigError;
  process.stderr.write(
    explained
      ? `${error.message}\n`
      : `Could not load the demo data: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});

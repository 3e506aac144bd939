import { describeConfig, loadConfig } from "./platform/config.js";
import { log, setLogLevel } from "./platform/log.js";
import { isExplainedStartupError, startProduct, type RunningProduct } from "./app/start.js";

/** `npm start`: the API (and the built client) on the configured or embedded Neo4j. */
async function main(): Promise<void> {
  const config = loadConfig();
  setLogLevel(config.LOG_LEVEL);
  log.debug("Configuration", describeConfig(config));
  const product: RunningProduct = await startProduct(config);

  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: stopping (finishing requests in flight, closing Neo4j)…`);
    const forced = setTimeout(() => {
      log.error("Shutdown took longer than 60 s; exiting.");
      process.exit(1);
    }, 60_000);
    forced.unref();
    await product.stop();
    log.info("Stopped.");
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  log.info("Ready", product.timings);
  process.stdout.write(`\nWerkplaats broker is running at ${product.url}\nGraphQL API: ${product.url}graphql\n\n`);
}

main().catch((error: unknown) => {
  if (isExplainedStartupError(error)) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});

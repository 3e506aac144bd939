import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../server/platform/config.js";
import { setLogLevel } from "../server/platform/log.js";
import { startProduct, type RunningProduct } from "../server/app/start.js";
import { freePort } from "./prepare-graph.js";

/**
 * Runs `work` against the product with the demo data, as the load benches need it: on NEO4J_URI when set,
 * else on an embedded Neo4j in a temporary folder (removed afterwards); rate limit raised so the bench
 * measures the server, not the limiter. The product is stopped however `work` ends.
 */
export async function withDemoProduct<T>(
  tempPrefix: string,
  work: (product: RunningProduct, graphqlUrl: string) => Promise<T>,
  /** Settings that replace the bench's (e.g. the product's own RATE_LIMIT_PER_MINUTE, or HEAVY_REQUESTS_TOTAL). */
  overrides: Record<string, string> = {},
): Promise<T> {
  const base = loadConfig();
  setLogLevel("warn");
  const home = base.NEO4J_URI ? undefined : mkdtempSync(path.join(os.tmpdir(), tempPrefix));
  let product: RunningProduct | undefined;
  try {
    process.stderr.write(`Starting the product (${home ? `embedded Neo4j in ${home}` : "NEO4J_URI"}) with the demo data…\n`);
    product = await startProduct(
      loadConfig({
        ...process.env,
        NODE_ENV: "development",
        HOST: "127.0.0.1",
        PORT: "0",
        ...(home ? { NEO4J_HOME: home, NEO4J_BOLT_PORT: String(await freePort()) } : {}),
        SEED_DEMO: "true",
        RATE_LIMIT_PER_MINUTE: "10000000",
        LOG_LEVEL: "warn",
        ...overrides,
      }),
    );
    return await work(product, `${product.url}graphql`);
  } finally {
    await product?.stop();
    if (home) rmSync(home, { recursive: true, force: true });
  }
}

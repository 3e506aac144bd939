import { monitorEventLoopDelay } from "node:perf_hooks";
import { withDemoProduct } from "./demo-product.js";

/**
 * The product under bench/cost-load.ts, in a process of its own: the bench's clients (the attacker's connections and
 * the other user) then do not share the API's event loop, so what the other user waits for is the API and Neo4j,
 * not the bench. Started by cost-load.ts with `node --import tsx`; settings that replace the bench's come as JSON in
 * COST_LOAD_OVERRIDES. Talks over IPC: sends `ready` (the GraphQL address, the process ids), answers `loop` with the
 * API's event-loop delay since the last `loop` (p99, max in ms), and stops the product on `stop` or when the parent
 * goes away.
 */
export interface CostApiReady {
  type: "ready";
  url: string;
  apiPid: number;
  jvmPid?: number;
  /**
   * Whether the graph has a tie version: without one the analytics worker cannot hold the ties, and warmPaths from the
   * coordinators (the bench's warmPaths) is searched in Neo4j instead of in memory (find-warm-paths-in-memory.ts).
   */
  tieVersion: boolean;
  /** The product's WARM_PATHS_IN_MEMORY and ANALYTICS_WORKER, as this run has them. */
  warmPathsInMemory: boolean;
}

export interface CostApiLoop {
  type: "loop";
  p99Ms: number;
  maxMs: number;
}

const overrides = JSON.parse(process.env.COST_LOAD_OVERRIDES ?? "{}") as Record<string, string>;
const send = (message: CostApiReady | CostApiLoop) => process.send?.(message);

await withDemoProduct(
  "werkplaats-cost-",
  async (product, url) => {
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const tieVersion = (await product.db.read("OPTIONAL MATCH (v:TieVersion {id: 'ties'}) RETURN v.version AS version"))[0]
      ?.version;
    const setting = (name: string) => overrides[name] ?? process.env[name] ?? "on";
    send({
      type: "ready",
      url,
      apiPid: process.pid,
      ...(product.embedded?.pid ? { jvmPid: product.embedded.pid } : {}),
      tieVersion: typeof tieVersion === "string",
      warmPathsInMemory: setting("WARM_PATHS_IN_MEMORY") === "on" && setting("ANALYTICS_WORKER") === "on",
    });
    await new Promise<void>((resolve) => {
      process.on("message", (message: { type?: string }) => {
        if (message.type === "loop") {
          send({ type: "loop", p99Ms: loop.percentile(99) / 1e6, maxMs: loop.max / 1e6 });
          loop.reset();
        }
        if (message.type === "stop") resolve();
      });
      process.on("disconnect", () => resolve());
    });
    loop.disable();
  },
  overrides,
);
process.exit(0);

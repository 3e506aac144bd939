import v8 from "node:v8";
import vm from "node:vm";

/**
 * One full garbage collection once the server is up. Building the schema (@neo4j/graphql's
 * generated types, the merge with type-graphql's) leaves ~90 MB of garbage in the old generation
 * that nothing collects while the server idles, and V8 sizes its next collections from it; after
 * this collection the live heap is ~50 MB (docs/performance.md). Without --expose-gc the collector is
 * reached the way jest's leak detector does: the flag for one new context, then off again.
 */
export function collectStartupGarbage(): void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === "function") {
    exposed();
    return;
  }
  v8.setFlagsFromString("--expose-gc");
  try {
    (vm.runInNewContext("gc") as () => void)();
  } finally {
    v8.setFlagsFromString("--no-expose-gc");
  }
}

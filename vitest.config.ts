import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // One Neo4j (Community holds one user database) serves the whole run: test files take turns,
    // each empties the graph and builds what it needs.
    fileParallelism: false,
    globalSetup: ["tests/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    reporters: ["default"],
  },
});

import { defineConfig } from "vitest/config";

/**
 * Three tiers, each runnable alone (`npm run test:unit|test:int|test:e2e`); `npm test` runs them all.
 *
 * - unit: pure logic, no Neo4j (no global setup), starts in seconds.
 * - int: integration files that own their data. Each either scopes its graph to ids with its own random
 *   prefix (tests/helpers/neo4j.ts `ownScope`) and removes only that, or does not touch the run's Neo4j
 *   at all (the process tests that start a Neo4j of their own). These run two at a time against the one
 *   Neo4j the global setup starts.
 * - int-serial: files that need the whole graph to themselves, one after the other, after `int` (never
 *   overlapping it; see `groupOrder`). Why each one is here is listed in `serialFiles` below.
 * - e2e: the client in chromium against the demo data in the run's Neo4j (it empties the graph), last.
 *
 * int, int-serial and e2e share one Neo4j: tests/global-setup.ts starts it once for the whole run.
 */
const serialFiles = [
  // Whole-graph operations: backup/restore round-trip the whole graph and compare global hashes.
  "tests/integration/backup-restore.int.test.ts",
  "tests/integration/backup-demo.int.test.ts",
  // Load the demo data (ids without a prefix) and assert counts over the whole graph.
  "tests/integration/demo-seed.int.test.ts",
  "tests/integration/built-server.int.test.ts",
  // The synthetic generator writes fixed ids (p-000001 …) and compares whole-graph fingerprints.
  "tests/integration/synthetic-generator.int.test.ts",
  "tests/integration/synthetic-generator-reference.int.test.ts",
  // Lists that read "all cases / all people / all courses" (board columns, figures, exports, mapping,
  // the embedding table, the bad-input corpus's "changes nothing" counts) with fixed ids.
  "tests/integration/auth-matrix.int.test.ts",
  "tests/integration/auth-sign-in.int.test.ts",
  "tests/integration/bad-input-corpus.int.test.ts",
  "tests/integration/cases-board.int.test.ts",
  "tests/integration/cases-intake.int.test.ts",
  "tests/integration/cases-lifecycle.int.test.ts",
  "tests/integration/figures-figures.int.test.ts",
  "tests/integration/graph-api.int.test.ts",
  "tests/integration/limits-plan-cache.int.test.ts",
  "tests/integration/limits-requests.int.test.ts",
  "tests/integration/matching-capacity.int.test.ts",
  "tests/integration/matching-proposals.int.test.ts",
  "tests/integration/matching-suggestions.int.test.ts",
  "tests/integration/network-embedding.int.test.ts",
  "tests/integration/network-embedding-scale.int.test.ts",
  "tests/integration/network-tie-strength.int.test.ts",
  "tests/integration/network-warm-paths.int.test.ts",
  "tests/integration/outreach-mapping.int.test.ts",
  "tests/integration/privacy-person-data.int.test.ts",
  "tests/integration/spreadsheets-export.int.test.ts",
  "tests/integration/spreadsheets-import.int.test.ts",
  // Stops the server under load; restarts against the run's Neo4j after emptying it.
  "tests/integration/faults-shutdown.int.test.ts",
];

const neo4jSetup = ["tests/global-setup.ts"];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 240_000,
    reporters: ["default"],
    // Two cores: two files at a time where files may overlap.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: {
          name: "int",
          include: ["tests/integration/**/*.test.ts"],
          exclude: serialFiles,
          globalSetup: neo4jSetup,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: "int-serial",
          include: serialFiles,
          globalSetup: neo4jSetup,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: neo4jSetup,
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});

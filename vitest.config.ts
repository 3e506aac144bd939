import { readFileSync } from "node:fs";
import path from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";
import { defineConfig } from "vitest/config";

/**
 * Three tiers, each runnable alone (`npm run test:unit|test:int|test:e2e`); `npm test` runs them all.
 *
 * - unit: pure logic, no Neo4j (no global setup), starts in seconds; files share a worker's modules (isolate: false).
 * - int: the integration files, two at a time against the one Neo4j the global setup starts. Who may
 *   overlap whom is settled by the graph lock (tests/helpers/graph-lock.ts), not by file order:
 *   - files that own their data (tests/helpers/neo4j.ts `ownScope`: ids with a random prefix per file,
 *     and only those removed afterwards) share the graph with each other;
 *   - files that need the whole graph (`wholeGraphFiles` below, each with why) hold it alone: they
 *     start only when no other file uses the graph, and no other file uses it until they end;
 *   - files that do not touch the run's Neo4j (the process tests with a Neo4j of their own: bulk
 *     import, embedded Neo4j, faults on start and Neo4j lost, graceful stop, start-product, startup
 *     errors) hold nothing, and so run beside either kind.
 * - e2e: the client in chromium against the demo data in the run's Neo4j (it empties the graph), after
 *   the integration files (`groupOrder`): beside them it took 218 s instead of ~100 s and held up their chain; with a
 *   Neo4j of its own beside 20 integration files, 574 s wall against 521 s one after the other (docs/performance.md,
 *   fifth round): the two cores are already busy. Its client build starts in the global setup, in the background.
 *
 * int and e2e share one Neo4j: tests/global-setup.ts starts it once for the run.
 */
/**
 * Files that hold the whole graph from their start (a file calling resetGraph that is not listed still
 * holds it, from that call on, but waits for it inside a hook's timeout). All of them build on fixed ids ("k1", "ws", "anna", "p-000001", …)
 * that other files use too, and each also reads or changes more than its own nodes:
 */
const wholeGraphFiles = [
  // The whole graph is the subject: backup/restore round trips and content hashes, the demo data
  // (loaded, reloaded, reset; counts of everything), the synthetic generator (whole-graph fingerprints,
  // refuses a non-empty graph), the import's before/after fingerprint of every node.
  "tests/integration/backup-restore.int.test.ts",
  "tests/integration/backup-demo.int.test.ts",
  "tests/integration/demo-seed.int.test.ts",
  "tests/integration/synthetic-generator.int.test.ts",
  "tests/integration/synthetic-generator-reference.int.test.ts",
  "tests/integration/spreadsheets-import.int.test.ts",
  // Lists and counts over everything of a kind: the case board's columns, the figures, the exports,
  // the mapping overview, the embedding table and its scheduled refresh (a process-wide schedule),
  // the generated list queries of the API, limits and the bad-input corpus ("changes nothing" counts),
  // suggestions ranking every course, privacy export and erasure ("nothing else about them").
  "tests/integration/cases-board.int.test.ts",
  "tests/integration/cases-allowed-actions.int.test.ts",
  "tests/integration/figures-figures.int.test.ts",
  "tests/integration/spreadsheets-export.int.test.ts",
  "tests/integration/outreach-mapping.int.test.ts",
  "tests/integration/network-embedding.int.test.ts",
  "tests/integration/network-embedding-scale.int.test.ts",
  // The analytics worker (#19) against the demo data (reset and loaded) and a hand-built graph on fixed ids.
  "tests/integration/network-analytics-worker.int.test.ts",
  "tests/integration/graph-api.int.test.ts",
  "tests/integration/limits-plan-cache.int.test.ts",
  "tests/integration/limits-requests.int.test.ts",
  "tests/integration/bad-input-corpus.int.test.ts",
  // The vocabulary on the demo data (issue #15): resets and loads the demo, migrates every case and course.
  "tests/integration/vocabulary-topics.int.test.ts",
  // The request cost limits on the demo data (loaded after a reset), with "changed nothing" counts of every node.
  "tests/integration/limits-cost.int.test.ts",
  "tests/integration/matching-suggestions.int.test.ts",
  // dueDigests lists every teacher with a digest due, in the whole graph.
  "tests/integration/matching-proposals.int.test.ts",
  // Mail (#16): the schedule's rounds send every due teacher's digest and every reminder in the graph, and the
  // simulated month counts every proposal; the outbox lists every message.
  "tests/integration/mail-digests.int.test.ts",
  "tests/integration/mail-schedule.int.test.ts",
  "tests/integration/privacy-person-data.int.test.ts",
  // Global facts of the graph: warmPaths without `from` starts from the one workspace there is; intake
  // finds an existing SME by name + city anywhere; users and demo users are per e-mail for the whole
  // database; the authorization matrix sends every field of the schema.
  "tests/integration/network-warm-paths.int.test.ts",
  // The bench's write mix (#19): caseSuggestions rank every course in the graph and the mix matches into whichever
  // has a place, so another file's courses would take its matches (and its matches their places).
  "tests/integration/bench-write-mix.int.test.ts",
  // The suggestions' warm paths over the tie graph held in memory (#19) read every tie of the graph and compare under one
  // tie version; another file's tie write would move it mid-comparison.
  "tests/integration/suggestions-warm-paths-in-memory.int.test.ts",
  // bestWarmPaths with no workspace given starts from every workspace's coordinators, and it resets the graph.
  "tests/integration/network-best-warm-paths.int.test.ts",
  // The warm-path search in memory (#19) loads every tie of the graph and resets it per generated graph; another
  // file's tie write would move the tie version under it (then the database's search answers, which the test refuses).
  "tests/integration/network-warm-paths-in-memory.int.test.ts",
  // The embedding's warm ties from the held tie graph (#19) against the database's: the graph is every tie of the
  // database at one tie version, and the test resets the graph per generated graph; another file's tie write would move
  // the version under the comparison (then the database's way answers, which the test refuses).
  "tests/integration/network-embedding-held-ties.int.test.ts",
  // The tie version (#19) is one node for the whole graph: its test asserts which writes leave it put, which
  // another file's tie write meanwhile would contradict.
  "tests/integration/network-tie-version.int.test.ts",
  // rederiveTies re-derives every tie of the graph whose people have interactions, as the start does.
  "tests/integration/network-tie-rederive.int.test.ts",
  "tests/integration/cases-intake.int.test.ts",
  // Referral per case and proposal hygiene: partnerYield, reply rates and the cases export read every
  // partner, teacher and case, and the start migrations run over the whole graph.
  "tests/integration/cases-referral.int.test.ts",
  "tests/integration/auth-sign-in.int.test.ts",
  "tests/integration/auth-matrix.int.test.ts",
  // Loads the demo data (the demo coordinator is its Fleur Bakker) and the demo users, per e-mail for the database.
  "tests/integration/auth-authors.int.test.ts",
  // Intake makes the SMEs, cases, events and sprints with ids of the server's choosing (no file prefix, so
  // ownScope's clean would leave them), and finds an existing SME by name + city anywhere.
  "tests/integration/cases-lifecycle.int.test.ts",
  // Only fixed ids ("c1", "t1" …): it could own a prefix next (left as is while the network work changes it).
  "tests/integration/network-tie-strength.int.test.ts",
  // `npm start`'s compiled server against the run's Neo4j, after emptying it.
  "tests/integration/built-server.int.test.ts",
  // `npm start` on the external-Neo4j path against the run's Neo4j: it creates the demo users (per e-mail
  // for the whole database) and records every session the app opens.
  "tests/integration/neo4j-bookmarks.int.test.ts",
];

/**
 * The order files start in. Vitest hands the files out in this order to whichever worker is free (a static
 * queue), and a worker whose file waits for the graph lock sits idle. Who may overlap whom
 * (tests/helpers/graph-lock.ts): a whole-graph file overlaps only the process tests (they hold nothing); a file
 * of its own part (`ownScope`) overlaps those and other own-part files, never a whole-graph file. So:
 * - the own-part files first, on both workers, among themselves (largest first);
 * - then the whole-graph chain with the process tests spread evenly through it: a process test takes a
 *   worker for 20–50 s, during which the other worker runs ~4 whole-graph files (10 s or so each), so
 *   whichever worker comes free next mostly finds the kind the other one is not running. Before, the
 *   own-part files were spread through the chain (each waited for a whole-graph file, or made the next one
 *   wait), and the last ~14 whole-graph files came one after another at the end, one worker waiting
 *   for the other's lock each time (GRAPH_LOCK_LOG timelines in docs/performance.md);
 * - the unit files last, to fill the gaps at the end; the browser tests after everything (`groupOrder`).
 * Largest first within each kind (vitest's own order: by the last run's duration, else by file size).
 */
class GraphChainSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const relative = (spec: TestSpecification) =>
      path.relative(spec.project.config.root, spec.moduleId).split(path.sep).join("/");
    const source = (spec: TestSpecification) => readFileSync(spec.moduleId, "utf8");
    const int = sorted.filter((spec) => spec.project.name === "int");
    const chain = int.filter((spec) => wholeGraphFiles.includes(relative(spec)) || /\bresetGraph\(/.test(source(spec)));
    const ownPart = int.filter((spec) => !chain.includes(spec) && /\bownScope\(/.test(source(spec)));
    const processes = int.filter((spec) => !chain.includes(spec) && !ownPart.includes(spec));
    const unit = sorted.filter((spec) => spec.project.name === "unit");
    const e2e = sorted.filter((spec) => spec.project.name === "e2e");
    // Process test j goes before whole-graph file round(j * chain / (processes - ½)): the first one at the start,
    // the last one near the end (the whole-graph files after the last process test can only run one at a time).
    const spread: TestSpecification[] = [];
    let next = 0;
    chain.forEach((spec, i) => {
      while (next < processes.length && Math.round((next * chain.length) / (processes.length - 0.5)) <= i) {
        spread.push(processes[next++]!);
      }
      spread.push(spec);
    });
    spread.push(...processes.slice(next));
    return [...ownPart, ...spread, ...unit, ...e2e];
  }
}

const neo4jSetup = ["tests/global-setup.ts"];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 240_000,
    reporters: ["default"],
    // Two cores: two files at a time; the graph lock keeps whole-graph files apart.
    maxWorkers: 2,
    // reflect-metadata before any file: type-graphql's decorators need it when a module declaring GraphQL types is
    // evaluated, and a test may import such a module directly (not through the domain's index.ts, which imports the
    // polyfill). Without it, a unit worker whose first file did so failed every type-graphql file after it.
    // PROFILE_DB=1: where each file's time goes (tests/helpers/profile-setup.ts; off otherwise).
    setupFiles: [
      "reflect-metadata",
      "tests/helpers/graph-lock-setup.ts",
      ...(process.env.PROFILE_DB ? ["tests/helpers/profile-setup.ts"] : []),
    ],
    sequence: { sequencer: GraphChainSequencer },
    provide: { wholeGraphFiles },
    projects: [
      {
        extends: true,
        // Pure functions, no mocks, no module state they rely on: one module graph per worker instead of one
        // per file halves the tier's time (most of it was importing the same modules again and again).
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], isolate: false, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        // One module graph per worker as well (isolate: false): a fresh process per file spent ~2.5 s importing the server
        // (vitest's "import", 188 s summed in the last fresh-clone run) and built the schema again for every test server;
        // now each worker imports once and builds the schema once (server/app/create-app.ts appSchema). What a file leaves
        // in module state is per Database or per app (caches keyed by the driver, the app's own stores), so files on the
        // same worker see nothing of each other's but the graph, which the graph lock settles (docs/performance.md).
        test: {
          name: "int",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: neo4jSetup,
          isolate: false,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: neo4jSetup,
          sequence: { groupOrder: 1 },
          // The browser tests that only read run side by side (describe.concurrent in tests/e2e/suites/every-role-suite.ts):
          // two at a time, one per core.
          maxConcurrency: 2,
        },
      },
    ],
  },
});

import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Command } from "commander";
import { loadStarterVocabulary, migrateTopics } from "../server/domains/vocabulary/index.js";
import { nowIso } from "../server/platform/clock/read-clock.js";
import { loadConfig } from "../server/platform/config.js";
import { scales, type ScaleName } from "../seed/synthetic/index.js";
import { prepareGraph } from "./prepare-graph.js";

/**
 * The start-up migration of free-text topics (issue #15; docs/matching.md, "Migration at start") on a generated graph:
 * the bench's own Neo4j and data folder per scale (bench/prepare-graph.ts: generated with the bulk importer, or reused),
 * then the starter vocabulary, then `migrateTopics` twice, as two starts would run it. Reports the words that matched
 * no topic, the ones matched by spelling tolerance, the time, and whether the second run changed anything.
 *
 *   npm run bench:migration -- [--scale L] [--out bench/results/topic-migration-L.json]
 *
 * A graph reused from an earlier run was already migrated: `--fresh` removes its links and recorded words first.
 */
const projectRoot = fileURLToPath(new URL("../", import.meta.url));
const program = new Command()
  .option("--scale <S|M|L>", "the generated graph's size", "L")
  .option("--data <dir>", "where the bench's Neo4j keeps each scale", path.join(projectRoot, "bench/.data"))
  .option("--fresh", "unlink the topics of a reused graph first (a graph from before the vocabulary)", false)
  .option("--out <file>", "where to write the figures as JSON")
  .parse();
const opts = program.opts<{ scale: ScaleName; data: string; fresh: boolean; out?: string }>();
const scale = opts.scale;
const log = (line: string) => process.stderr.write(`${line}\n`);

const config = loadConfig({ ...process.env, LOG_LEVEL: "warn" });
const prepared = await prepareGraph(config, scale, scales[scale], opts.data, log);
const { db, embedded } = prepared;
try {
  if (opts.fresh || prepared.reused) {
    log("Removing topic links and recorded words (a graph from before the vocabulary)…");
    await db.autoCommit("MATCH (n)-[a:ABOUT]->(:Topic) CALL (a) { DELETE a } IN TRANSACTIONS OF 10000 ROWS");
    await db.autoCommit("MATCH (n) WHERE n:Case OR n:Course CALL (n) { REMOVE n.topicWords } IN TRANSACTIONS OF 10000 ROWS");
    await db.autoCommit(
      "MATCH (t:Topic) WHERE t.status IN ['PROPOSED', 'REJECTED'] CALL (t) { DETACH DELETE t } IN TRANSACTIONS",
    );
  }
  const vocabulary = await loadStarterVocabulary(db, nowIso());
  const count = async () =>
    (
      await db.read(
        `RETURN COUNT { MATCH ()-[:ABOUT]->(:Topic) } AS links, COUNT { MATCH (t:Topic) } AS topics,
                COUNT { MATCH (k:Case) WHERE k.topicWords IS NOT NULL } AS linkedCases,
                COUNT { MATCH (c:Course) WHERE c.topicWords IS NOT NULL } AS linkedCourses`,
      )
    )[0];
  const before = await count();
  let t0 = performance.now();
  const first = await migrateTopics(db, nowIso());
  const firstMs = Math.round(performance.now() - t0);
  const afterFirst = await count();
  t0 = performance.now();
  const second = await migrateTopics(db, nowIso());
  const secondMs = Math.round(performance.now() - t0);
  const afterSecond = await count();
  const result = {
    bench: "topic-migration",
    scale,
    size: scales[scale],
    reusedGraph: prepared.reused,
    starterTopics: vocabulary.topics,
    before,
    first: { ms: firstMs, cases: first.cases, courses: first.courses, unmatched: first.unmatched, fuzzy: first.fuzzy },
    afterFirst,
    second: { ms: secondMs, ...second },
    afterSecond,
    secondChangedNothing: second.cases + second.courses === 0 && JSON.stringify(afterFirst) === JSON.stringify(afterSecond),
    at: new Date().toISOString(),
  };
  const out = opts.out ?? `bench/results/topic-migration-${scale}.json`;
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} finally {
  await db.close().catch(() => {});
  await embedded.stop();
}

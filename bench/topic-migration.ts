import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Command } from "commander";
import { loadStarterVocabulary, migrateTopics, normaliseWord } from "../server/domains/vocabulary/index.js";
import { nowIso } from "../server/platform/clock/read-clock.js";
import { loadConfig } from "../server/platform/config.js";
import {
  plantedTopicWords,
  plantedWordsVersion,
  scales,
  sizeLikeXl,
  type ScaleName,
  type SyntheticSize,
} from "../seed/synthetic/index.js";
import { prepareGraph } from "./prepare-graph.js";

/**
 * The start-up migration of free-text topics (issue #15; docs/matching.md, "Migration at start") on a generated graph:
 * the bench's own Neo4j and data folder per scale (bench/prepare-graph.ts: generated with the bulk importer, or reused),
 * then the starter vocabulary, then `migrateTopics` twice, as two starts would run it. Reports the words that matched
 * no topic, the ones matched by spelling tolerance, the time, and whether the second run changed anything.
 *
 * The generator plants the cases' and courses' free-text words with what the migration should make of each
 * (seed/synthetic/legacy-topic-words.ts), so the report is checked exactly (`checks`; the exit code is 1 when one
 * fails): the graph holds the planted words; the unmatched words reported are the planted unknown words (by key:
 * every one, none twice, no other, each in a planted spelling); the words matched by spelling tolerance are the
 * planted typos, each taken for its topic; one ABOUT link per planted word and one proposed topic per unknown word;
 * the second run links nothing and leaves the counts of links, topics and proposed topics as they were.
 *
 *   npm run bench:migration -- [--scale L | --people 200000 --ties 2000000] [--out bench/results/topic-migration-L.json]
 *
 * A graph reused from an earlier run was already migrated: `--fresh` removes its links and recorded words first.
 */
const projectRoot = fileURLToPath(new URL("../", import.meta.url));
const program = new Command()
  .option("--scale <S|M|L|XL>", "the generated graph's size", "L")
  .option("--people <n>", "a size between the named ones, with --ties (as `npm run bench -- --people … --ties …`)", Number)
  .option("--ties <n>", "KNOWS ties of that size", Number)
  .option("--data <dir>", "where the bench's Neo4j keeps each scale", path.join(projectRoot, "bench/.data"))
  .option("--fresh", "unlink the topics of a reused graph first (a graph from before the vocabulary)", false)
  .option("--out <file>", "where to write the figures as JSON")
  .parse();
const opts = program.opts<{ scale: ScaleName; people?: number; ties?: number; data: string; fresh: boolean; out?: string }>();
if ((opts.people === undefined) !== (opts.ties === undefined)) throw new Error("--people and --ties go together.");
// The same store as the bench's for that size (bench/run.ts: custom-<people>-<ties>, in XL's proportions).
const custom = opts.people !== undefined && opts.ties !== undefined;
const scale = custom ? `custom-${opts.people}-${opts.ties}` : opts.scale;
const size: SyntheticSize = custom ? sizeLikeXl(opts.people!, opts.ties!) : scales[opts.scale];
const log = (line: string) => process.stderr.write(`${line}\n`);

const config = loadConfig({ ...process.env, LOG_LEVEL: "warn" });
const prepared = await prepareGraph(config, scale, size, opts.data, log);
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
                COUNT { MATCH (t:Topic {status: 'PROPOSED'}) } AS proposedTopics,
                COUNT { MATCH (k:Case) WHERE k.topicWords IS NOT NULL } AS linkedCases,
                COUNT { MATCH (c:Course) WHERE c.topicWords IS NOT NULL } AS linkedCourses`,
      )
    )[0];
  const planted = await readPlanted(size);
  const storedMismatches = await compareStoredWords(planted.words);
  const before = await count();
  const loadAverage = [os.loadavg()];
  let t0 = performance.now();
  const first = await migrateTopics(db, nowIso());
  const firstMs = Math.round(performance.now() - t0);
  const afterFirst = await count();
  t0 = performance.now();
  const second = await migrateTopics(db, nowIso());
  const secondMs = Math.round(performance.now() - t0);
  const afterSecond = await count();
  loadAverage.push(os.loadavg());
  const checks = checkReport(planted, first, second, {
    storedMismatches,
    starterTopics: vocabulary.topics,
    afterFirst,
    afterSecond,
  });
  const result = {
    bench: "topic-migration",
    scale,
    size,
    reusedGraph: prepared.reused,
    plantedWords: plantedWordsVersion(),
    machine: { cpus: os.cpus().length, loadAverageAtStart: loadAverage[0], loadAverageAtEnd: loadAverage[1] },
    starterTopics: vocabulary.topics,
    planted: planted.counts,
    before,
    first: {
      ms: firstMs,
      cases: first.cases,
      courses: first.courses,
      unmatched: first.unmatched,
      fuzzy: summariseFuzzy(first.fuzzy),
    },
    afterFirst,
    second: { ms: secondMs, ...second, fuzzy: summariseFuzzy(second.fuzzy) },
    afterSecond,
    secondChangedNothing: second.cases + second.courses === 0 && JSON.stringify(afterFirst) === JSON.stringify(afterSecond),
    checks,
    allChecksPass: checks.every((c) => c.ok),
    at: new Date().toISOString(),
  };
  const out = opts.out ?? `bench/results/topic-migration-${scale}.json`;
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  for (const c of checks) log(`${c.ok ? "ok  " : "FAIL"} ${c.check}${c.ok ? "" : `: ${c.detail}`}`);
  if (!result.allChecksPass) process.exitCode = 1;
} finally {
  await db.close().catch(() => {});
  await embedded.stop();
}

type Linking = Awaited<ReturnType<typeof migrateTopics>>;

interface Planted {
  /** Owner id → its words as the generator wrote them. */
  words: Map<string, { label: "Case" | "Course"; words: string[] }>;
  /** Key of each planted unknown word → its planted spellings (trimmed, as the migration reports them). */
  unknown: Map<string, Set<string>>;
  /** Key of each planted typo → the topic it was meant for. */
  typos: Map<string, string>;
  /** One ABOUT link per planted word that is not blank (the words of one owner are of distinct topics). */
  links: number;
  counts: Record<string, number>;
}

/** The planted words, computed again from the seed (seed/synthetic/planted-topic-words.ts). */
async function readPlanted(size: SyntheticSize): Promise<Planted> {
  const planted: Planted = { words: new Map(), unknown: new Map(), typos: new Map(), links: 0, counts: {} };
  const kinds: Record<string, number> = { EXACT: 0, TYPO: 0, UNKNOWN: 0, BLANK: 0 };
  for (const owner of plantedTopicWords(size)) {
    planted.words.set(owner.id, { label: owner.label, words: owner.planted.map((w) => w.word) });
    for (const w of owner.planted) {
      kinds[w.kind] = (kinds[w.kind] ?? 0) + 1;
      const key = normaliseWord(w.word);
      if (w.kind === "UNKNOWN") {
        const spellings = planted.unknown.get(key) ?? new Set<string>();
        spellings.add(w.word.trim());
        planted.unknown.set(key, spellings);
      }
      if (w.kind === "TYPO") planted.typos.set(key, w.topicId ?? "");
      if (w.kind !== "BLANK") planted.links++;
    }
  }
  planted.counts = {
    words: Object.values(kinds).reduce((a, b) => a + b, 0),
    ...Object.fromEntries(Object.entries(kinds).map(([k, n]) => [k.toLowerCase(), n])),
    distinctSpellings: new Set([...planted.words.values()].flatMap((o) => o.words)).size,
    distinctUnknownWords: planted.unknown.size,
    distinctTypos: planted.typos.size,
    links: planted.links,
  };
  return planted;
}

/** How many cases and courses do not hold exactly the words planted for them (a stale or differently loaded graph). */
async function compareStoredWords(words: Planted["words"]): Promise<number> {
  const rows = await db.read(
    `MATCH (n) WHERE n:Case OR n:Course
     RETURN n.id AS id, CASE WHEN n:Case THEN n.topics ELSE n.themes END AS words`,
  );
  let mismatches = Math.abs(rows.length - words.size);
  for (const row of rows) {
    const expected = words.get(String(row.id));
    if (!expected || JSON.stringify(expected.words) !== JSON.stringify(row.words ?? [])) mismatches++;
  }
  return mismatches;
}

/** Fuzzy matches by word: each distinct word once, with the topic and how often it was met. */
function summariseFuzzy(fuzzy: Linking["fuzzy"]): { word: string; topicId: string; similarity: number; times: number }[] {
  const byWord = new Map<string, { word: string; topicId: string; similarity: number; times: number }>();
  for (const f of fuzzy) {
    const seen = byWord.get(f.word);
    if (seen) seen.times++;
    else byWord.set(f.word, { word: f.word, topicId: f.topicId, similarity: f.similarity, times: 1 });
  }
  return [...byWord.values()].sort((a, b) => a.word.localeCompare(b.word));
}

type Counts = Awaited<ReturnType<typeof db.read>>[number] | undefined;

function checkReport(
  planted: Planted,
  first: Linking,
  second: Linking,
  state: { storedMismatches: number; starterTopics: number; afterFirst: Counts; afterSecond: Counts },
): { check: string; ok: boolean; detail?: string }[] {
  const checks: { check: string; ok: boolean; detail?: string }[] = [];
  const check = (name: string, ok: boolean, detail: string) => checks.push({ check: name, ok, ...(ok ? {} : { detail }) });
  const sample = (items: Iterable<string>) => [...items].slice(0, 20).join(", ");

  check("the graph holds the planted words", state.storedMismatches === 0, `${state.storedMismatches} owners differ`);
  check(
    "every case and course linked",
    first.cases + first.courses === planted.words.size,
    `${first.cases + first.courses} of ${planted.words.size}`,
  );

  const reported = first.unmatched.map((w) => normaliseWord(w));
  const reportedKeys = new Set(reported);
  const missing = [...planted.unknown.keys()].filter((k) => !reportedKeys.has(k));
  const extra = [...reportedKeys].filter((k) => !planted.unknown.has(k));
  check("every planted unknown word reported", missing.length === 0, `missing: ${sample(missing)}`);
  check("no other word reported unmatched", extra.length === 0, `extra: ${sample(extra)}`);
  check(
    "each unmatched word reported once",
    reported.length === reportedKeys.size,
    `${reported.length - reportedKeys.size} repeated`,
  );
  const unplanted = first.unmatched.filter((w) => !planted.unknown.get(normaliseWord(w))?.has(w));
  check("each reported in a planted spelling", unplanted.length === 0, `not planted: ${sample(unplanted)}`);

  const fuzzy = new Map(first.fuzzy.map((f) => [normaliseWord(f.word), f.topicId]));
  const typoMissing = [...planted.typos.keys()].filter((k) => !fuzzy.has(k));
  const typoExtra = [...fuzzy.keys()].filter((k) => !planted.typos.has(k));
  const typoWrong = [...planted.typos].filter(([k, topicId]) => fuzzy.has(k) && fuzzy.get(k) !== topicId).map(([k]) => k);
  check(
    "the words matched by spelling tolerance are the planted typos, each for its topic",
    typoMissing.length + typoExtra.length + typoWrong.length === 0,
    `missing: ${sample(typoMissing)}; extra: ${sample(typoExtra)}; wrong topic: ${sample(typoWrong)}`,
  );

  const links = Number(state.afterFirst?.links);
  check("one ABOUT link per planted word", links === planted.links, `${links} links, ${planted.links} planted words`);
  const proposed = Number(state.afterFirst?.proposedTopics);
  check(
    "one proposed topic per unknown word",
    proposed === planted.unknown.size,
    `${proposed} proposed, ${planted.unknown.size} unknown`,
  );
  const topics = Number(state.afterFirst?.topics);
  check(
    "topics: the starter vocabulary and the proposals",
    topics === state.starterTopics + planted.unknown.size,
    `${topics} topics, expected ${state.starterTopics} + ${planted.unknown.size}`,
  );

  check(
    "the second run links nothing and reports nothing",
    second.cases + second.courses === 0 && second.unmatched.length === 0 && second.fuzzy.length === 0,
    JSON.stringify({ cases: second.cases, courses: second.courses, unmatched: second.unmatched.length }),
  );
  check(
    "the second run leaves links, topics and proposed topics as they were",
    JSON.stringify(state.afterFirst) === JSON.stringify(state.afterSecond),
    `${JSON.stringify(state.afterFirst)} → ${JSON.stringify(state.afterSecond)}`,
  );
  return checks;
}

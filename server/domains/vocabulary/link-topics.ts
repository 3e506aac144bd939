import type { Database, Tx } from "../../platform/neo4j/database.js";
import { normaliseWord } from "./normalise-word.js";
import { proposedTopicId, resolveWords, VocabularyIndex, type VocabularyTopic, type WordResolution } from "./resolve-words.js";
import {
  linkTopicsStatement,
  MERGE_PROPOSED_TOPICS,
  READ_TOPIC_WITH_NARROWER,
  READ_VOCABULARY,
  readStaleTopicOwnersStatement,
} from "./statements.js";

/**
 * Words in, topics out, for the graph: a case's `topics` and a course's `themes` stay as the words people typed
 * (shown as "yours: webshop", re-read when the vocabulary grows), and each is linked to the topic it resolves to
 * with (:Case|Course)-[:ABOUT {word, how}]->(:Topic). Matching, the board filter and the digests read the links.
 * A word no topic knows becomes a proposed topic (status PROPOSED) that a coordinator accepts, merges or ignores.
 *
 * Who calls it: intakeCase (case-workflow), the spreadsheet import, the demo seed, every generated create/update
 * (link-after-generic-writes.ts) and, at start, migrateTopics below — all through linkStaleTopics, which resolves
 * only the cases and courses whose words differ from the words their links were made from (topicWords).
 */

export type TopicOwner = "Case" | "Course";

/** What one linking pass did. */
export interface TopicLinking {
  cases: number;
  courses: number;
  /** Words that matched no accepted topic (each once, in the spelling first met): kept as proposed topics. */
  unmatched: string[];
  /** Words matched only by spelling tolerance, with the label or synonym they were taken for. */
  fuzzy: { word: string; topicId: string; matched: string; similarity: number }[];
}

const BATCH = 500;
/** A safety stop: no pass links more than this many nodes of a label (the L graph has 50,000 cases). */
const MAX_BATCHES = 400;

export async function readVocabularyIndex(tx: Tx): Promise<VocabularyIndex> {
  const rows = await tx.run(READ_VOCABULARY);
  return new VocabularyIndex(rows as unknown as VocabularyTopic[]);
}

/** Resolves words against the vocabulary; unknown ones become proposed topics (created here, in the caller's transaction). */
export async function resolveAndPropose(
  tx: Tx,
  words: readonly string[],
  index: VocabularyIndex,
  now: string,
): Promise<WordResolution[]> {
  return (await resolveAndProposeEach(tx, [words], index, now))[0] ?? [];
}

/**
 * resolveAndPropose for several owners' words at once: the same resolutions, with every unknown word of the batch
 * proposed in one statement instead of one round trip per owner (thousands in a large graph's migration). A word is
 * proposed by its key's id (MERGE), so proposing it once for the batch is proposing it for each owner.
 */
export async function resolveAndProposeEach(
  tx: Tx,
  wordLists: ReadonlyArray<readonly string[]>,
  index: VocabularyIndex,
  now: string,
): Promise<WordResolution[][]> {
  const resolvedLists = wordLists.map((words) => resolveWords(words, index));
  const proposals = new Map<string, { id: string; word: string; key: string }>();
  for (const r of resolvedLists.flat()) {
    const id = proposedTopicId(r.key);
    // The first spelling met proposes the topic, as when each owner's words were proposed in turn.
    if (r.topicId === null && !proposals.has(id)) proposals.set(id, { id, word: r.word, key: r.key });
  }
  if (proposals.size === 0) return resolvedLists;
  const [row] = await tx.run(MERGE_PROPOSED_TOPICS, { proposals: [...proposals.values()], now });
  // A word a coordinator rejected stays a word: it is not linked (and not proposed) again.
  const rejected = new Set((row?.rejected as string[] | undefined) ?? []);
  for (const r of resolvedLists.flat()) {
    if (r.topicId !== null) continue;
    const id = proposedTopicId(r.key);
    if (rejected.has(id)) r.rejected = true;
    else r.topicId = id;
  }
  return resolvedLists;
}

/** Where a pass over all cases or courses got to: the last id it read, per label (readStaleTopicOwnersStatement). */
export type StaleTopicCursor = Partial<Record<TopicOwner, string>>;

/**
 * Links the cases or courses (of `ids`, or all) whose words changed since they were last linked, in the
 * caller's transaction. Running it again finds nothing to do. With `ids` only those nodes are read (by the id
 * index): an edit of one case costs one case, not a scan of all (link-after-generic-writes.ts).
 */
export async function linkStaleTopics(
  tx: Tx,
  now: string,
  options: {
    ids?: string[] | null;
    labels?: TopicOwner[];
    maxBatches?: number;
    /** Carried from one call to the next by a pass spread over several transactions (migrateTopics); updated here. */
    cursor?: StaleTopicCursor;
    batchSize?: number;
  } = {},
): Promise<TopicLinking> {
  const result: TopicLinking = { cases: 0, courses: 0, unmatched: [], fuzzy: [] };
  const unmatched = new Map<string, string>();
  const cursor = options.cursor ?? {};
  const batchSize = options.batchSize ?? BATCH;
  let index: VocabularyIndex | null = null;
  for (const label of options.labels ?? (["Course", "Case"] as const)) {
    for (let batch = 0; batch < (options.maxBatches ?? MAX_BATCHES); batch++) {
      const byIds = options.ids !== undefined && options.ids !== null;
      const owners = await tx.run(readStaleTopicOwnersStatement(label, byIds), {
        ids: options.ids ?? null,
        after: cursor[label] ?? "",
        limit: batchSize,
      });
      if (owners.length === 0) break;
      // Rows come in id order: the next batch reads on after the last (every owner up to it is linked below).
      cursor[label] = String(owners[owners.length - 1]?.id);
      index ??= await readVocabularyIndex(tx);
      const links = [];
      const wordsOf = owners.map((owner) => (owner.words as unknown[]).filter((w): w is string => typeof w === "string"));
      // A word proposed for an earlier owner resolves to the same proposal again (MERGE by its key's id).
      const resolvedOf = await resolveAndProposeEach(tx, wordsOf, index, now);
      for (const [i, owner] of owners.entries()) {
        const resolved = resolvedOf[i] ?? [];
        for (const r of resolved) {
          // Unknown words, and words only a proposed topic knows, matched no topic of the vocabulary.
          if ((r.how === "UNKNOWN" || r.proposed) && !unmatched.has(r.key)) unmatched.set(r.key, r.word);
          if (r.how === "FUZZY")
            result.fuzzy.push({
              word: r.word,
              topicId: r.topicId ?? "",
              matched: r.matched ?? "",
              similarity: r.similarity ?? 0,
            });
        }
        links.push({
          ownerId: owner.id,
          words: owner.words,
          topics: resolved.filter((r) => r.topicId !== null).map((r) => ({ topicId: r.topicId, word: r.word, how: r.how })),
        });
      }
      await tx.run(linkTopicsStatement(label), { links });
      if (label === "Case") result.cases += links.length;
      else result.courses += links.length;
      if (owners.length < batchSize) break;
    }
  }
  result.unmatched = [...unmatched.values()];
  return result;
}

/**
 * At start (server/app/start.ts, after the starter vocabulary): links every case and course whose free-text
 * topics were never linked (a graph from before the vocabulary) or changed outside the API. Reports the words
 * that matched no topic; running it twice changes nothing (tests/integration/vocabulary-topics.int.test.ts).
 */
export async function migrateTopics(db: Database, now: string, options: { batchSize?: number } = {}): Promise<TopicLinking> {
  // A transaction per batch of 500 per label, so an L graph (60,000 cases and courses) never needs one huge transaction;
  // each pass takes the nodes still stale, so an interrupted migration continues where it stopped at the next start.
  // The cursor moves on by id with every batch, so the passes end however large the graph (no safety stop: XL's 500,000
  // cases are 1,000 passes, past the 400 batches that stop linkStaleTopics), and each node is read once in all.
  const total: TopicLinking = { cases: 0, courses: 0, unmatched: [], fuzzy: [] };
  const seen = new Set<string>();
  const cursor: StaleTopicCursor = {};
  for (;;) {
    // The cursor moves only with a committed pass: a retried transaction starts again where the last commit left off.
    const { step, after } = await db.writeTx(async (tx) => {
      const attempt = { ...cursor };
      return { step: await linkStaleTopics(tx, now, { maxBatches: 1, cursor: attempt, ...options }), after: attempt };
    });
    Object.assign(cursor, after);
    if (step.cases + step.courses === 0) break;
    total.cases += step.cases;
    total.courses += step.courses;
    total.fuzzy.push(...step.fuzzy);
    for (const word of step.unmatched) {
      // By the word's key, as within a pass: "3D-printen" in one batch and "3d printen" in a later one are one word.
      const key = normaliseWord(word);
      if (!seen.has(key)) total.unmatched.push(word);
      seen.add(key);
    }
  }
  return total;
}

/**
 * The topics a filter word stands for (the case board's topic filter): the topic it resolves to (or a topic id
 * given as is) with its narrower topics, down three BROADER steps. A word no topic knows stands for nothing.
 */
export async function topicWithNarrower(tx: Tx, word: string): Promise<string[]> {
  const direct = await tx.run(READ_TOPIC_WITH_NARROWER, { id: word.trim() });
  if (direct[0]) return direct[0].ids as string[];
  const resolved = (await readVocabularyIndex(tx)).resolve(word);
  if (!resolved.topicId) return [];
  const rows = await tx.run(READ_TOPIC_WITH_NARROWER, { id: resolved.topicId });
  return (rows[0]?.ids as string[] | undefined) ?? [];
}

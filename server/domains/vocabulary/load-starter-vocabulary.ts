import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Database } from "../../platform/neo4j/database.js";
import { normaliseWord } from "./normalise-word.js";
import { MERGE_STARTER_TOPICS } from "./statements.js";
import { vocabularyChanged } from "./vocabulary-cache.js";

/** The starter vocabulary's file (docs/data-model.md, "Topics"): versioned, Dutch and English, with synonyms. */
export const STARTER_VOCABULARY_FILE = fileURLToPath(new URL("../../../seed/vocabulary/starter-topics.json", import.meta.url));

export interface StarterTopic {
  id: string;
  labelNl: string;
  labelEn: string;
  synonyms: string[];
  broader?: string[];
}

export interface StarterVocabulary {
  version: number;
  topics: StarterTopic[];
}

export async function readStarterVocabulary(file = STARTER_VOCABULARY_FILE): Promise<StarterVocabulary> {
  const parsed = JSON.parse(await readFile(file, "utf8")) as StarterVocabulary;
  if (!Number.isInteger(parsed.version) || !Array.isArray(parsed.topics)) {
    throw new Error(`${file}: expected {version, topics}`);
  }
  return parsed;
}

/** The normalised keys a topic is found by: its labels' and synonyms'. */
export function topicKeys(names: readonly string[]): string[] {
  return [...new Set(names.map(normaliseWord).filter((k) => k !== ""))];
}

/**
 * Loads the starter vocabulary at every start (server/app/start.ts), before the topics are migrated: creates
 * the topics a graph lacks, adds new synonyms and BROADER links, rewrites labels only from a newer file version.
 * Idempotent: a second load changes nothing.
 */
export async function loadStarterVocabulary(
  db: Database,
  now: string,
  file?: string,
): Promise<{ topics: number; version: number }> {
  const vocabulary = await readStarterVocabulary(file);
  const topics = vocabulary.topics.map((t) => ({
    id: t.id,
    labelNl: t.labelNl,
    labelEn: t.labelEn,
    synonyms: t.synonyms,
    broader: t.broader ?? [],
    keys: topicKeys([t.labelNl, t.labelEn, ...t.synonyms]),
  }));
  await db.writeTx((tx) => tx.run(MERGE_STARTER_TOPICS, { topics, version: vocabulary.version, now }));
  vocabularyChanged();
  return { topics: topics.length, version: vocabulary.version };
}

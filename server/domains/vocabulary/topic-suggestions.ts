import type { Database } from "../../platform/neo4j/database.js";
import { normaliseWord } from "./normalise-word.js";
import { TOPIC_SUGGESTIONS } from "./statements.js";
import type { TopicChoice } from "./topic-types.js";
import type { TopicStatus } from "./topic-types.js";
import { suggestionIndex } from "./vocabulary-cache.js";

/** Lucene's special characters: what a user types never becomes query syntax. */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * The full-text query for what has been typed so far: every word as a prefix (so "web sh" finds "web shop"),
 * the normalised key as a prefix (so "web-sh" finds the key "webshop"), and from five characters on the key
 * as a fuzzy term (so "webshp" still finds "webshop"). Null when nothing searchable was typed.
 */
export function topicQuery(prefix: string): { query: string; key: string } | null {
  const key = normaliseWord(prefix);
  if (key === "") return null;
  const words = prefix
    .toLowerCase()
    .replace(LUCENE_SPECIAL, " ")
    .split(/\s+/)
    .filter((w) => w !== "");
  const terms = new Set<string>([`${key}*`, ...words.map((w) => `${w}*`)]);
  if (key.length >= 5) terms.add(`${key}~`);
  return { query: [...terms].join(" "), key };
}

/**
 * Autocomplete: topics for a typed prefix, best first, from the vocabulary held in memory (vocabulary-cache.ts).
 * bench/topic-autocomplete.ts measures it over HTTP, next to the full-text index's answer below.
 */
export async function suggestTopics(db: Database, prefix: string, limit: number): Promise<TopicChoice[]> {
  if (normaliseWord(prefix) === "") return [];
  return (await suggestionIndex(db)).suggest(prefix, clampLimit(limit));
}

/**
 * The same question asked of Neo4j's full-text index topic_names (the first implementation: 530 ms p95 on the L
 * vocabulary on this machine). Kept for the bench's side-by-side figure and as the reference the in-memory
 * ranking was made to follow; the API no longer calls it.
 */
export async function suggestTopicsFullText(db: Database, prefix: string, limit: number): Promise<TopicChoice[]> {
  const q = topicQuery(prefix);
  if (!q) return [];
  const rows = await db.read(TOPIC_SUGGESTIONS, { query: q.query, key: q.key, limit: clampLimit(limit) });
  return rows.map((r) => ({
    id: String(r.id),
    labelNl: String(r.labelNl),
    labelEn: String(r.labelEn),
    synonyms: (r.synonyms as string[] | null) ?? [],
    status: r.status as TopicStatus,
  }));
}

function clampLimit(limit: number): number {
  return Math.min(Math.max(limit, 1), 50);
}

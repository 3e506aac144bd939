import type { Database } from "../../platform/neo4j/database.js";
import { normaliseWord } from "./normalise-word.js";
import { TOPIC_SUGGESTIONS } from "./statements.js";
import type { TopicChoice } from "./topic-types.js";
import type { TopicStatus } from "./topic-types.js";

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

/** Autocomplete: topics for a typed prefix, best first (bench/topic-autocomplete.ts measures it). */
export async function suggestTopics(db: Database, prefix: string, limit: number): Promise<TopicChoice[]> {
  const q = topicQuery(prefix);
  if (!q) return [];
  const rows = await db.read(TOPIC_SUGGESTIONS, { query: q.query, key: q.key, limit: Math.min(Math.max(limit, 1), 50) });
  return rows.map((r) => ({
    id: String(r.id),
    labelNl: String(r.labelNl),
    labelEn: String(r.labelEn),
    synonyms: (r.synonyms as string[] | null) ?? [],
    status: r.status as TopicStatus,
  }));
}

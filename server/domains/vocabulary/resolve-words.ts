import { editDistanceWithin, normaliseWord, trigramSimilarity, trigrams } from "./normalise-word.js";

/**
 * Words in, topics out (docs/matching.md, "The vocabulary"): a word is resolved to a topic by
 *  1. its key (normaliseWord) equal to the key of a topic's Dutch or English label or of one of its synonyms;
 *  2. failing that, the topic whose label or synonym is most alike by trigram similarity, if at least
 *     FUZZY_MIN_SIMILARITY, at most FUZZY_MAX_EDITS typing mistakes away (insert, delete, replace, swap two
 *     neighbours), and the word's key has at least FUZZY_MIN_LENGTH characters (short words such as "ai" or "ux"
 *     are too easily alike to guess at). The edit bound keeps spelling tolerance to spelling: Dutch compounds
 *     share their head ("fleetmanagement", "it management") and so many trigrams, without being one word;
 *  3. failing both, the word stays unknown: the caller keeps it as a proposed topic for a coordinator.
 * Pure, so unit-tested (tests/unit/vocabulary-resolve-words.test.ts).
 */
export const FUZZY_MIN_SIMILARITY = 0.5;
export const FUZZY_MIN_LENGTH = 5;
export const FUZZY_MAX_EDITS = 2;

/** One topic as the resolver sees it. Proposed topics take part too (their label is the word first used). */
export interface VocabularyTopic {
  id: string;
  labelNl: string;
  labelEn: string;
  synonyms: readonly string[];
  proposed?: boolean;
}

export type ResolutionHow = "EXACT" | "FUZZY" | "UNKNOWN";

export interface WordResolution {
  word: string;
  key: string;
  topicId: string | null;
  how: ResolutionHow;
  /** True when the topic is a proposal (a word no accepted topic knows yet): reported like an unknown word. */
  proposed?: boolean;
  /** True when the word's proposal was rejected by a coordinator: it stays a word, linked to nothing. */
  rejected?: boolean;
  /** For FUZZY: the label or synonym it was alike to, and how alike. */
  matched?: string;
  similarity?: number;
}

interface Entry {
  topicId: string;
  name: string;
  key: string;
  grams: Set<string>;
  proposed: boolean;
}

/** The vocabulary indexed for resolution: built once per batch of words (an intake, an import, the migration). */
export class VocabularyIndex {
  private readonly byKey = new Map<string, Entry>();
  private readonly entries: Entry[] = [];

  constructor(topics: readonly VocabularyTopic[]) {
    // Accepted topics first, so a key that an accepted topic and a proposal share goes to the accepted one.
    const ordered = [...topics].sort((a, b) => Number(a.proposed ?? false) - Number(b.proposed ?? false));
    for (const t of ordered) {
      for (const name of [t.labelEn, t.labelNl, ...t.synonyms]) {
        const key = normaliseWord(name);
        if (key === "" || this.byKey.has(key)) continue;
        const entry = { topicId: t.id, name, key, grams: trigrams(key), proposed: t.proposed ?? false };
        this.byKey.set(key, entry);
        this.entries.push(entry);
      }
    }
  }

  resolve(word: string): WordResolution {
    const key = normaliseWord(word);
    const exact = this.byKey.get(key);
    if (exact) return { word, key, topicId: exact.topicId, how: "EXACT", ...(exact.proposed ? { proposed: true } : {}) };
    if (key.length >= FUZZY_MIN_LENGTH) {
      const grams = trigrams(key);
      let best: Entry | null = null;
      let bestSimilarity = 0;
      for (const e of this.entries) {
        // Proposals are matched only exactly: guessing a coordinator's unaccepted word would spread a typo.
        if (e.proposed || e.key.length < FUZZY_MIN_LENGTH) continue;
        const s = trigramSimilarity(grams, e.grams);
        if (s < FUZZY_MIN_SIMILARITY || editDistanceWithin(key, e.key, FUZZY_MAX_EDITS) === Infinity) continue;
        if (s > bestSimilarity || (s === bestSimilarity && best !== null && e.key < best.key)) {
          best = e;
          bestSimilarity = s;
        }
      }
      if (best && bestSimilarity >= FUZZY_MIN_SIMILARITY) {
        return { word, key, topicId: best.topicId, how: "FUZZY", matched: best.name, similarity: round(bestSimilarity) };
      }
    }
    return { word, key, topicId: null, how: "UNKNOWN" };
  }
}

/** Resolves a list of words, dropping blanks and repeated keys (the first spelling of a key wins). */
export function resolveWords(words: readonly string[], index: VocabularyIndex): WordResolution[] {
  const seen = new Set<string>();
  const result: WordResolution[] = [];
  for (const word of words) {
    const trimmed = word.trim();
    const key = normaliseWord(trimmed);
    if (key === "" || seen.has(key)) continue;
    seen.add(key);
    result.push(index.resolve(trimmed));
  }
  return result;
}

/** The id a proposed topic gets from the word that proposed it: its key, prefixed so it never takes a starter id. */
export function proposedTopicId(key: string): string {
  return `proposed-${key}`;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/**
 * How free text is compared with the vocabulary's labels and synonyms. "Web-shop", "web shop",
 * "WebShop" and "wébshop" are one key ("webshop"): lower case, diacritics dropped, and every
 * character that is not a letter or digit (spaces, hyphens, dots, apostrophes, "&") removed.
 */
export function normaliseWord(word: string): string {
  return word
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

/** The distinct trigrams of a key, padded with two spaces at the start and one at the end (as PostgreSQL's pg_trgm does). */
export function trigrams(key: string): Set<string> {
  const padded = `  ${key} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return grams;
}

/** Trigram similarity of two keys: shared trigrams over all trigrams of both (0–1; 1 = same key). */
export function trigramSimilarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return shared / (a.size + b.size - shared);
}

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

/**
 * The number of single-character edits (insert, delete, replace, or swap two neighbours) that turn one key into the
 * other, the "optimal string alignment" distance; `Infinity` as soon as it is certainly above `max`, so comparing a
 * word with a whole vocabulary stays cheap.
 */
export function editDistanceWithin(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return Infinity;
  // Three rows of the dynamic programme: two back (for the swap), the previous and the current.
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, beforePrevious[j - 2]! + 1);
      current.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return Infinity;
    beforePrevious = previous;
    previous = current;
  }
  const distance = previous[b.length]!;
  return distance <= max ? distance : Infinity;
}

/**
 * Three spellings of a search text for the API's case-sensitive `contains`: as typed, lower case,
 * and each word Capitalised — enough for names typed in any case ("de wit", "De Wit", "DE WIT" → "De Wit"
 * is found via "de wit"'s capitalised form).
 */
export function nameVariants(text: string): { a: string; b: string; c: string } {
  const typed = text.trim();
  const lower = typed.toLowerCase();
  const capitalised = lower.replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, letter: string) => sep + letter.toUpperCase());
  return { a: typed, b: lower, c: capitalised };
}

/** Days as numbers (days since 1970-01-01) and their ISO strings, cached: ties need millions of them. */
const msPerDay = 86_400_000;
const cache = new Map<number, string>();

export function dayNumber(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / msPerDay);
}

/** "2025-09-01" for a day number. */
export function formatDay(day: number): string {
  let text = cache.get(day);
  if (text === undefined) {
    text = new Date(day * msPerDay).toISOString().slice(0, 10);
    cache.set(day, text);
  }
  return text;
}

/** An ISO date-time in UTC for a day number plus seconds into that day. */
export function formatDateTime(day: number, seconds: number): string {
  return new Date(day * msPerDay + seconds * 1000).toISOString();
}

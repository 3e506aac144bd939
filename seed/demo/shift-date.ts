/**
 * Date arithmetic on ISO strings (UTC, no time zones involved), so the demo's dates are exact and
 * the same on every machine. The loader turns them into Neo4j date()/datetime() values.
 */

/** "Today" in the demo world: figures such as "last 12 months" are computed against it. */
export const DEMO_TODAY = "2026-11-28";

const DAY_MS = 86_400_000;

function parse(isoDate: string): number {
  const ms = Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new Error(`not an ISO date: ${isoDate}`);
  return ms;
}

/** The date `days` after `isoDate` (negative: before). */
export function shiftDate(isoDate: string, days: number): string {
  return new Date(parse(isoDate) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((parse(b) - parse(a)) / DAY_MS);
}

/** A UTC datetime on `isoDate` at hh:mm, e.g. "2025-09-01T09:30:00Z". */
export function atTime(isoDate: string, hour: number, minute = 0): string {
  const hh = String(hour).padStart(2, "0");
  const mm = String(minute).padStart(2, "0");
  return `${isoDate.slice(0, 10)}T${hh}:${mm}:00Z`;
}

/** The later of two ISO dates or datetimes (they compare as strings). */
export function laterOf(a: string, b: string): string {
  return a >= b ? a : b;
}

export function earlierOf(a: string, b: string): string {
  return a <= b ? a : b;
}

import { isIsoDate } from "../../server/platform/clock/check-iso-date.js";
import { SyntheticSizeError } from "./scales.js";

/**
 * The synthetic calendar is written for one academic year (teaching periods from 1 September of
 * this year); every generated date moves by whole years so that the academic year holding the
 * reference date is the generated "current" one.
 */
export const baseAcademicYearStart = 2025;

/** The first calendar year of the academic year (1 September to 31 August) holding an ISO date. */
export function academicYearStartOf(referenceDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(referenceDate);
  if (!match || !isIsoDate(referenceDate)) {
    throw new SyntheticSizeError(`Synthetic graph: the reference date must be a date like 2026-11-28, got "${referenceDate}".`);
  }
  const year = Number(match[1]);
  return Number(match[2]) >= 9 ? year : year - 1;
}

/** Whole years to add to every generated date for a reference date (2026-11-28 → 1). */
export function yearShiftFor(referenceDate: string): number {
  return academicYearStartOf(referenceDate) - baseAcademicYearStart;
}

/** "2026-2027" for a shift of 1. */
export function academicYearLabel(shift: number): string {
  return `${baseAcademicYearStart + shift}-${baseAcademicYearStart + shift + 1}`;
}

const leap = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const cache = new Map<string, string>();

/**
 * An ISO date ("2025-09-01") or date-time ("2024-05-01T10:00:00.000Z") moved by whole years;
 * 29 February becomes 28 February in a year without one. Cached: ties carry millions of dates
 * over a few thousand distinct days.
 */
export function shiftYears(iso: string, years: number): string {
  if (years === 0) return iso;
  const key = `${years}|${iso}`;
  let shifted = cache.get(key);
  if (shifted === undefined) {
    const year = Number(iso.slice(0, 4)) + years;
    if (!/^\d{4}-\d{2}-\d{2}/.test(iso) || year < 1 || year > 9999)
      throw new RangeError(`Synthetic graph: cannot move "${iso}" by ${years} years.`);
    const monthDay = iso.slice(4, 10) === "-02-29" && !leap(year) ? "-02-28" : iso.slice(4, 10);
    shifted = `${String(year).padStart(4, "0")}${monthDay}${iso.slice(10)}`;
    if (cache.size > 100_000) cache.clear();
    cache.set(key, shifted);
  }
  return shifted;
}

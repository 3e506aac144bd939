/**
 * The workflow's clock: one place that reads the time, so Cypher gets it as a parameter and every
 * comparison in one request (expiry, cooldown, digest rhythm) uses the same instant.
 */
export function nowIso(): string {
  return new Date().toISOString();
}

/** Where the coordinators work: "today" is the calendar date there, not in UTC (issue #11). */
export const WORKSPACE_TIME_ZONE = "Europe/Amsterdam";

// en-CA writes dates as YYYY-MM-DD.
const calendarDate = new Intl.DateTimeFormat("en-CA", {
  timeZone: WORKSPACE_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The date in Amsterdam as YYYY-MM-DD, now or at `now` (23:30 UTC on 31 December is already 1 January there). */
export function todayIso(now: Date = new Date()): string {
  return calendarDate.format(now);
}

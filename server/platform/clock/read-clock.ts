/**
 * The workflow's clock: one place that reads the time, so Cypher gets it as a parameter and every
 * comparison in one request (expiry, cooldown, digest rhythm) uses the same instant.
 */
export function nowIso(): string {
  return new Date().toISOString();
}

/** Today's date (UTC) as YYYY-MM-DD. */
export function todayIso(): string {
  return nowIso().slice(0, 10);
}

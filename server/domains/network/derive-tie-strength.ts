/**
 * Tie strength from what happened (docs/network-analytics.md, "Tie strength"):
 *
 *   evidence  E = Σ over the pair's interactions on or before the reference date of 0.5^(age / 180 days)
 *   strength    = 1 − (1 − base) · e^(−E / 2), rounded to 3 decimals, at least 0.01
 *
 * Recency: an interaction counts fully on its day and half after 180 days (a half-life).
 * Frequency: each interaction adds to E, with diminishing returns through e^(−E/2): one fresh
 * meeting on a new tie gives 0.393, two give 0.632, three 0.777, five 0.918 — so a tie becomes
 * warm (≥ 0.5) after two recent contacts. `base` is the strength the tie had before interactions
 * were first counted (0 for a tie an interaction created), so a colleague tie imported at 0.9 never
 * drops below 0.9 by this rule, while evidence can only lift it towards 1.
 */

export const TIE_HALF_LIFE_DAYS = 180;
export const TIE_EVIDENCE_SCALE = 2;
export const TIE_MIN_STRENGTH = 0.01;

const DAY_MS = 86_400_000;

export function daysBetween(earlier: string, later: string): number {
  return Math.round((Date.parse(`${later}T00:00:00Z`) - Date.parse(`${earlier}T00:00:00Z`)) / DAY_MS);
}

/** The recency-weighted count of interactions on or before `reference` (dates YYYY-MM-DD). */
export function interactionEvidence(dates: readonly string[], reference: string): number {
  let evidence = 0;
  for (const date of dates) {
    const age = daysBetween(date, reference);
    if (age < 0) continue; // after the reference date: not yet happened
    evidence += 0.5 ** (age / TIE_HALF_LIFE_DAYS);
  }
  return evidence;
}

export function deriveTieStrength(base: number, evidence: number): number {
  const raw = 1 - (1 - Math.min(Math.max(base, 0), 1)) * Math.exp(-evidence / TIE_EVIDENCE_SCALE);
  return Math.max(TIE_MIN_STRENGTH, Math.min(1, Math.round(raw * 1000) / 1000));
}

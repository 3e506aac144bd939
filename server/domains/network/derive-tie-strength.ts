/**
 * Tie strength from evidence, not activity (docs/network-analytics.md, "Tie strength"):
 *
 *   weight    w = interactionWeight(channel, result)                      (the table below)
 *   evidence  E = Σ over the pair's interactions on or before the reference date of w · 0.5^(age / 180 days)
 *   strength    = 1 − (1 − base) · e^(−E / 2), rounded to 3 decimals, at least 0.01
 *
 * Only a two-way contact builds a tie: an answer (REPLIED, INTERESTED, AGREED) or, with no result
 * logged, a contact that is two-way by its nature (a meeting, a call, an event, a sprint). A one-way
 * attempt (NO_REPLY, or a message with no result yet) and a refusal (NOT_NOW, DECLINED) weigh 0,
 * so a hundred unanswered LinkedIn messages leave a new tie at the minimum, never warm.
 * Recency: an interaction counts fully on its day and half after 180 days (a half-life); as the
 * reference date moves on (rederiveTies, daily), evidence fades and the strength sinks back to base.
 * Frequency: each two-way contact adds to E, with diminishing returns through e^(−E/2): one fresh
 * meeting on a new tie gives 0.393, two give 0.632, three 0.777, five 0.918.
 * `base` is the strength the tie had apart from the logged interactions — an import's or the demo's
 * judgement, or what a warm introduction vouched for (introductionBase) — and is never decayed.
 */

export const TIE_HALF_LIFE_DAYS = 180;
export const TIE_EVIDENCE_SCALE = 2;
export const TIE_MIN_STRENGTH = 0.01;
/** The most a warm introduction alone can give a new tie: vouching is not knowing. */
export const INTRODUCTION_CAP = 0.8;

/** The weight of an interaction by its result: an answer builds the tie, an attempt or a refusal does not. */
export const RESULT_WEIGHTS: Readonly<Record<string, number>> = {
  REPLIED: 1,
  INTERESTED: 1,
  AGREED: 1,
  NOT_NOW: 0,
  DECLINED: 0,
  NO_REPLY: 0,
};

/**
 * With no result logged, the channel decides: meeting, phone call, event and sprint are two-way by
 * their nature (1); an e-mail, a LinkedIn or website message and an introduction are one-way until
 * an answer is logged (0).
 */
export const CHANNEL_WEIGHTS_WITHOUT_RESULT: Readonly<Record<string, number>> = {
  MEETING: 1,
  PHONE: 1,
  EVENT: 1,
  SPRINT: 1,
  EMAIL: 0,
  LINKEDIN: 0,
  WEBSITE: 0,
  WARM_INTRODUCTION: 0,
};

/** One interaction of a pair, as the formula sees it. */
export interface CountedInteraction {
  date: string;
  channel: string | null;
  result: string | null;
}

const DAY_MS = 86_400_000;

export function daysBetween(earlier: string, later: string): number {
  return Math.round((Date.parse(`${later}T00:00:00Z`) - Date.parse(`${earlier}T00:00:00Z`)) / DAY_MS);
}

/** How much one interaction builds a tie (RESULT_WEIGHTS; without a result CHANNEL_WEIGHTS_WITHOUT_RESULT). */
export function interactionWeight(interaction: Pick<CountedInteraction, "channel" | "result">): number {
  if (interaction.result) return RESULT_WEIGHTS[interaction.result] ?? 0;
  return CHANNEL_WEIGHTS_WITHOUT_RESULT[interaction.channel ?? ""] ?? 0;
}

/** True for an interaction that counts as a two-way contact (weight above 0). */
export function isTwoWay(interaction: Pick<CountedInteraction, "channel" | "result">): boolean {
  return interactionWeight(interaction) > 0;
}

/** The weighted, recency-faded evidence of the interactions on or before `reference` (dates YYYY-MM-DD). */
export function interactionEvidence(interactions: readonly CountedInteraction[], reference: string): number {
  let evidence = 0;
  for (const interaction of interactions) {
    const age = daysBetween(interaction.date, reference);
    if (age < 0) continue; // after the reference date: not yet happened
    const weight = interactionWeight(interaction);
    if (weight > 0) evidence += weight * 0.5 ** (age / TIE_HALF_LIFE_DAYS);
  }
  return evidence;
}

export function deriveTieStrength(base: number, evidence: number): number {
  const raw = 1 - (1 - Math.min(Math.max(base, 0), 1)) * Math.exp(-evidence / TIE_EVIDENCE_SCALE);
  return Math.max(TIE_MIN_STRENGTH, Math.min(1, Math.round(raw * 1000) / 1000));
}

/**
 * What a warm introduction vouches for: the product of the introducer's ties to the two people
 * (0 for a tie the introducer does not have), capped at INTRODUCTION_CAP, rounded to 3 decimals.
 * With strengths at most 1 the product is never above either of the introducer's own ties: the
 * new tie is never stronger than the route through the introducer it replaces.
 */
export function introductionBase(introducerToFrom: number | null, introducerToWith: number | null): number {
  const product = (introducerToFrom ?? 0) * (introducerToWith ?? 0);
  return Math.round(Math.min(product, INTRODUCTION_CAP) * 1000) / 1000;
}

import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import { SuggestionFactorName } from "./matching-enums.js";

/** The factors in their order of display. */
export const FACTOR_NAMES = Object.values(SuggestionFactorName);

function isFactorName(name: string | undefined): name is SuggestionFactorName {
  return FACTOR_NAMES.some((factor) => factor === name);
}

/** How much each factor counts in a suggestion's score. Normalised to sum to 1 before use. */
export type SuggestionWeights = Record<SuggestionFactorName, number>;

/** Weights some of which are given (a query's SuggestionWeightsInput, the server's setting). */
export type SomeSuggestionWeights = { [F in SuggestionFactorName]?: number | null };

/**
 * The defaults (docs/case-workflow.md explains them): what the case is about and when it can run
 * weigh most, because a course that misses either cannot take the case at all; the teacher's record
 * and a warm route make a good course likelier to say yes, so they break ties among fitting courses.
 */
export const DEFAULT_SUGGESTION_WEIGHTS: Readonly<SuggestionWeights> = {
  topicOverlap: 0.3,
  levelFit: 0.15,
  timing: 0.2,
  remainingCapacity: 0.1,
  trackRecord: 0.08,
  warmPath: 0.07,
  // Issue #15: a sprint-sized case belongs in a course or project rather than an internship (effort-fit.ts).
  effortFit: 0.1,
};

/**
 * How much a course topic that is a broader or narrower neighbour (one BROADER step) of a case topic counts in
 * topicOverlap, against 1 for the same topic: related, but not what was asked (docs/matching.md).
 */
export const NEIGHBOUR_TOPIC_CREDIT = 0.5;

/** Parses the server-wide setting, e.g. "topicOverlap=0.4,warmPath=0.05"; names left out keep their default. */
export function parseWeightsSetting(text: string | undefined): Partial<SuggestionWeights> {
  const result: Partial<SuggestionWeights> = {};
  if (!text?.trim()) return result;
  for (const part of text.split(",")) {
    const [name, value] = part.split("=").map((s) => s.trim());
    if (!isFactorName(name) || value === undefined || !/^\d+(\.\d+)?$/.test(value)) {
      throw new Error(`SUGGESTION_WEIGHTS: "${part.trim()}" is not name=number with a name among ${FACTOR_NAMES.join(", ")}.`);
    }
    result[name] = Number(value);
  }
  return result;
}

/**
 * The weights one query uses: the server's, with the query's own on top, scaled to sum to 1 so a
 * score stays between 0 and 1 whatever the caller passes. Negative weights or all zero are refused.
 */
export function resolveWeights(server: SuggestionWeights, override?: SomeSuggestionWeights | null): SuggestionWeights {
  const merged: SuggestionWeights = { ...server };
  for (const name of FACTOR_NAMES) {
    const value = override?.[name];
    if (value === undefined || value === null) continue;
    if (!Number.isFinite(value) || value < 0) {
      throw new DomainError(ErrorCode.BAD_USER_INPUT, `The weight ${name} must be a number of 0 or more.`, `weights.${name}`);
    }
    merged[name] = value;
  }
  const sum = FACTOR_NAMES.reduce((s, n) => s + merged[n], 0);
  if (sum <= 0) throw new DomainError(ErrorCode.BAD_USER_INPUT, "At least one weight must be above 0.", "weights");
  for (const name of FACTOR_NAMES) merged[name] = merged[name] / sum;
  return merged;
}

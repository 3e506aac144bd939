import { loadConfig, type Config } from "../../platform/config.js";
import { DEFAULT_SUGGESTION_WEIGHTS, parseWeightsSetting, resolveWeights, type SuggestionWeights } from "./suggestion-weights.js";

/** The matching rules that are settings rather than code (server/platform/config.ts describes each). */
export interface MatchingSettings {
  weights: SuggestionWeights;
  proposalExpiryDays: number;
  proposalCooldownDays: number;
  /** Ties weaker than this do not count for a warm path (the brief's rule: strength >= 0.5, at most 4 hops). */
  warmPathMinStrength: number;
}

export function matchingSettingsFrom(config: Config): MatchingSettings {
  return {
    weights: resolveWeights({ ...DEFAULT_SUGGESTION_WEIGHTS }, parseWeightsSetting(config.SUGGESTION_WEIGHTS)),
    proposalExpiryDays: config.PROPOSAL_EXPIRY_DAYS,
    proposalCooldownDays: config.PROPOSAL_COOLDOWN_DAYS,
    warmPathMinStrength: 0.5,
  };
}

let cached: MatchingSettings | undefined;

/** Read once from the validated configuration, then kept. */
export function matchingSettings(): MatchingSettings {
  cached ??= matchingSettingsFrom(loadConfig());
  return cached;
}

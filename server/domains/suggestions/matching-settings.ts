import { loadConfig, type Config } from "../../platform/config.js";
import { DEFAULT_SUGGESTION_WEIGHTS, parseWeightsSetting, resolveWeights, type SuggestionWeights } from "./suggestion-weights.js";

/** The matching rules that are settings rather than code (server/platform/config.ts describes each). */
export interface MatchingSettings {
  weights: SuggestionWeights;
  proposalExpiryDays: number;
  proposalCooldownDays: number;
  /**
   * Ties weaker than this do not count for a warm path (at most 4 hops); null: the warm threshold of
   * the case's workspaces (Workspace.warmThreshold, 0.5 unless set; the network's readWarmThreshold).
   */
  warmPathMinStrength: number | null;
}

export function matchingSettingsFrom(config: Config): MatchingSettings {
  return {
    weights: resolveWeights({ ...DEFAULT_SUGGESTION_WEIGHTS }, parseWeightsSetting(config.SUGGESTION_WEIGHTS)),
    proposalExpiryDays: config.PROPOSAL_EXPIRY_DAYS,
    proposalCooldownDays: config.PROPOSAL_COOLDOWN_DAYS,
    warmPathMinStrength: null,
  };
}

let cached: MatchingSettings | undefined;

/** Read once from the validated configuration, then kept. */
export function matchingSettings(): MatchingSettings {
  cached ??= matchingSettingsFrom(loadConfig());
  return cached;
}

import { registerEnumType } from "type-graphql";

/** The matching workflow's own enums (not in schema/graph.graphql; those are in server/platform/model/graph-enums.ts). */

/** A proposal's state; EXPIRED is computed at read time from expiresAt (no sweep job). */
export enum ProposalState {
  OPEN = "OPEN",
  ANSWERED = "ANSWERED",
  EXPIRED = "EXPIRED",
  WITHDRAWN = "WITHDRAWN",
}

export enum SuggestionVerdict {
  GREAT = "GREAT",
  GOOD = "GOOD",
  FAIR = "FAIR",
  POOR = "POOR",
}

export enum SuggestionFactorName {
  topicOverlap = "topicOverlap",
  levelFit = "levelFit",
  timing = "timing",
  remainingCapacity = "remainingCapacity",
  trackRecord = "trackRecord",
  warmPath = "warmPath",
  effortFit = "effortFit",
}

registerEnumType(ProposalState, {
  name: "ProposalState",
  description:
    "OPEN until answered, expired or withdrawn (its case was matched or closed first); EXPIRED is computed from expiresAt when read.",
});
registerEnumType(SuggestionVerdict, {
  name: "SuggestionVerdict",
  description: "great ≥ 0.75, good ≥ 0.55, fair ≥ 0.35, else poor (docs/case-workflow.md).",
});
registerEnumType(SuggestionFactorName, {
  name: "SuggestionFactorName",
  description: "The factors of a case suggestion's score.",
});

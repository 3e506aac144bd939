import { registerEnumType } from "type-graphql";

/**
 * Enums of the matching resolvers. InteractionChannel, ProposalAnswer, SprintStatus and Language carry
 * the same names and values as in schema/graph.graphql, so the merged schema holds one of each
 * (tests/unit/matching-schema-enums.test.ts guards that); the others are the workflow's own.
 */

export enum InteractionChannel {
  WARM_INTRODUCTION = "WARM_INTRODUCTION",
  EMAIL = "EMAIL",
  PHONE = "PHONE",
  MEETING = "MEETING",
  WEBSITE = "WEBSITE",
  LINKEDIN = "LINKEDIN",
  EVENT = "EVENT",
  SPRINT = "SPRINT",
}

export enum ProposalAnswer {
  INTERESTED = "INTERESTED",
  NOT_NOW = "NOT_NOW",
  DECLINED = "DECLINED",
}

export enum SprintStatus {
  PLANNED = "PLANNED",
  RUNNING = "RUNNING",
  COMPLETED = "COMPLETED",
  CANCELLED = "CANCELLED",
}

export enum Language {
  NL = "NL",
  EN = "EN",
}

/** A proposal's state; EXPIRED is computed at read time from expiresAt (no sweep job). */
export enum ProposalState {
  OPEN = "OPEN",
  ANSWERED = "ANSWERED",
  EXPIRED = "EXPIRED",
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
}

registerEnumType(InteractionChannel, { name: "InteractionChannel" });
registerEnumType(ProposalAnswer, { name: "ProposalAnswer" });
registerEnumType(SprintStatus, { name: "SprintStatus" });
registerEnumType(Language, { name: "Language" });
registerEnumType(ProposalState, { name: "ProposalState", description: "OPEN until answered or expired; EXPIRED is computed from expiresAt when read." });
registerEnumType(SuggestionVerdict, { name: "SuggestionVerdict", description: "great ≥ 0.75, good ≥ 0.55, fair ≥ 0.35, else poor (docs/case-workflow.md)." });
registerEnumType(SuggestionFactorName, { name: "SuggestionFactorName", description: "The factors of a case suggestion's score." });

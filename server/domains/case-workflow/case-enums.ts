import { registerEnumType } from "type-graphql";

/**
 * Enums the workflow resolvers share with the generated schema. They carry the SAME names and values
 * as the enums in schema/graph.graphql, so the merged schema holds one enum of each name and a
 * client uses one type (tests/unit/cases-schema-enums.test.ts guards that they stay identical).
 */

export enum CaseStatus {
  INTAKE = "INTAKE",
  QUALIFIED = "QUALIFIED",
  PROPOSED = "PROPOSED",
  MATCHED = "MATCHED",
  IN_SPRINT = "IN_SPRINT",
  COMPLETED = "COMPLETED",
  CLOSED = "CLOSED",
}

export enum EducationLevel {
  WO = "WO",
  HBO = "HBO",
  MBO = "MBO",
}

export enum Effort {
  SMALL = "SMALL",
  SPRINT = "SPRINT",
  SEMESTER = "SEMESTER",
}

export enum PartnerKind {
  BANK = "BANK",
  CHAMBER_OF_COMMERCE = "CHAMBER_OF_COMMERCE",
  EVENT = "EVENT",
  NETWORK = "NETWORK",
  OTHER = "OTHER",
}

export enum SmeSize {
  MICRO = "MICRO",
  SMALL = "SMALL",
  MEDIUM = "MEDIUM",
}

/** Why a case was closed before completion. Workflow-only, so it has a name of its own. */
export enum CaseCloseReason {
  WITHDRAWN = "WITHDRAWN",
  NOT_FEASIBLE = "NOT_FEASIBLE",
  NO_MATCH = "NO_MATCH",
}

/** What a timeline entry records. */
export enum CaseTimelineKind {
  STATUS_CHANGE = "STATUS_CHANGE",
  PROPOSAL_SENT = "PROPOSAL_SENT",
  PROPOSAL_ANSWERED = "PROPOSAL_ANSWERED",
}

registerEnumType(CaseStatus, { name: "CaseStatus" });
registerEnumType(EducationLevel, { name: "EducationLevel" });
registerEnumType(Effort, { name: "Effort" });
registerEnumType(PartnerKind, { name: "PartnerKind" });
registerEnumType(SmeSize, { name: "SmeSize" });
registerEnumType(CaseCloseReason, { name: "CaseCloseReason", description: "Why a case was closed before completion." });
registerEnumType(CaseTimelineKind, { name: "CaseTimelineKind", description: "What a timeline entry records." });

/** The states a case can still move on from; CLOSED can be reached from each of them. */
export const OPEN_STATUSES: readonly CaseStatus[] = [
  CaseStatus.INTAKE,
  CaseStatus.QUALIFIED,
  CaseStatus.PROPOSED,
  CaseStatus.MATCHED,
  CaseStatus.IN_SPRINT,
];

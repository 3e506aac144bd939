import { registerEnumType } from "type-graphql";

/**
 * The enumerations of the graph model (schema/graph.graphql), each declared once here as a TS string
 * enum and registered with type-graphql once, below. The custom resolvers use these very objects, so
 * the merged schema holds one enum of each name, with the SDL's values (and its description, which
 * the merge keeps). tests/unit/graph-enums.test.ts checks names and values against the schema file
 * both ways. Where a list of values is needed, take `Object.values(…)` (declaration order is kept).
 */

export enum EducationLevel {
  WO = "WO",
  HBO = "HBO",
  MBO = "MBO",
}

export enum ProgrammeLevel {
  BACHELOR = "BACHELOR",
  MASTER = "MASTER",
  ASSOCIATE_DEGREE = "ASSOCIATE_DEGREE",
  MBO_2 = "MBO_2",
  MBO_3 = "MBO_3",
  MBO_4 = "MBO_4",
}

export enum CourseKind {
  COURSE = "COURSE",
  PROJECT = "PROJECT",
  MINOR = "MINOR",
  INTERNSHIP = "INTERNSHIP",
  GRADUATION = "GRADUATION",
}

export enum TieChannel {
  COLLEAGUE = "COLLEAGUE",
  WARM_INTRODUCTION = "WARM_INTRODUCTION",
  EVENT = "EVENT",
  WEBSITE = "WEBSITE",
  LINKEDIN = "LINKEDIN",
  SPRINT = "SPRINT",
  OTHER = "OTHER",
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

export enum Effort {
  SMALL = "SMALL",
  SPRINT = "SPRINT",
  SEMESTER = "SEMESTER",
}

export enum CaseStatus {
  INTAKE = "INTAKE",
  QUALIFIED = "QUALIFIED",
  PROPOSED = "PROPOSED",
  MATCHED = "MATCHED",
  IN_SPRINT = "IN_SPRINT",
  COMPLETED = "COMPLETED",
  CLOSED = "CLOSED",
}

export enum AgreementScope {
  COURSE = "COURSE",
  PROGRAMME = "PROGRAMME",
  INSTITUTION = "INSTITUTION",
}

export enum SprintStatus {
  PLANNED = "PLANNED",
  RUNNING = "RUNNING",
  COMPLETED = "COMPLETED",
  CANCELLED = "CANCELLED",
}

export enum MappingStatus {
  NOT_APPROACHED = "NOT_APPROACHED",
  APPROACHED = "APPROACHED",
  RESPONDED = "RESPONDED",
  EXAMPLES_RECEIVED = "EXAMPLES_RECEIVED",
  AGREEMENT = "AGREEMENT",
}

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

export enum InteractionResult {
  NO_REPLY = "NO_REPLY",
  REPLIED = "REPLIED",
  INTERESTED = "INTERESTED",
  NOT_NOW = "NOT_NOW",
  DECLINED = "DECLINED",
  AGREED = "AGREED",
}

export enum ProposalAnswer {
  INTERESTED = "INTERESTED",
  NOT_NOW = "NOT_NOW",
  DECLINED = "DECLINED",
}

export enum ProposalWithdrawal {
  CASE_MATCHED = "CASE_MATCHED",
  CASE_CLOSED = "CASE_CLOSED",
  NOT_DELIVERED = "NOT_DELIVERED",
}

export enum Language {
  NL = "NL",
  EN = "EN",
}

/** A topic's place in the vocabulary (server/domains/vocabulary). */
export enum TopicStatus {
  ACCEPTED = "ACCEPTED",
  PROPOSED = "PROPOSED",
  MERGED = "MERGED",
  REJECTED = "REJECTED",
}

registerEnumType(EducationLevel, { name: "EducationLevel" });
registerEnumType(ProgrammeLevel, { name: "ProgrammeLevel" });
registerEnumType(CourseKind, { name: "CourseKind" });
registerEnumType(TieChannel, { name: "TieChannel" });
registerEnumType(PartnerKind, { name: "PartnerKind" });
registerEnumType(SmeSize, { name: "SmeSize" });
registerEnumType(Effort, { name: "Effort" });
registerEnumType(CaseStatus, { name: "CaseStatus" });
registerEnumType(AgreementScope, { name: "AgreementScope" });
registerEnumType(SprintStatus, { name: "SprintStatus" });
registerEnumType(MappingStatus, { name: "MappingStatus" });
registerEnumType(InteractionChannel, { name: "InteractionChannel" });
registerEnumType(InteractionResult, { name: "InteractionResult" });
registerEnumType(ProposalAnswer, { name: "ProposalAnswer" });
registerEnumType(ProposalWithdrawal, { name: "ProposalWithdrawal" });
registerEnumType(Language, { name: "Language" });
registerEnumType(TopicStatus, { name: "TopicStatus" });

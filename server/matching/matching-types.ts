import { Access } from "../auth/Access.js";
import { Field, Float, ID, InputType, Int, ObjectType } from "type-graphql";
import { CaseStatus, EducationLevel } from "../cases/case-enums.js";
import { InteractionChannel, Language, ProposalAnswer, ProposalState, SprintStatus, SuggestionFactorName, SuggestionVerdict } from "./matching-enums.js";

/** GraphQL input and output types of matching. Dates are ISO strings: YYYY-MM-DD, instants with a zone. */

@InputType({ description: "Weights for one query, on top of the server's (SUGGESTION_WEIGHTS); scaled to sum to 1." })
export class SuggestionWeightsInput {
  @Field(() => Float, { nullable: true })
  topicOverlap?: number | null;

  @Field(() => Float, { nullable: true })
  levelFit?: number | null;

  @Field(() => Float, { nullable: true })
  timing?: number | null;

  @Field(() => Float, { nullable: true })
  remainingCapacity?: number | null;

  @Field(() => Float, { nullable: true })
  trackRecord?: number | null;

  @Field(() => Float, { nullable: true })
  warmPath?: number | null;
}

@ObjectType({ description: "One factor of a suggestion's score." })
export class SuggestionFactor {
  @Field(() => SuggestionFactorName)
  factor!: SuggestionFactorName;

  @Field(() => Float, { description: "0–1." })
  score!: number;

  @Field(() => Float, { description: "The normalised weight; all weights sum to 1." })
  weight!: number;

  @Field(() => Float, { description: "score × weight; the contributions sum to the total." })
  contribution!: number;

  @Field(() => String, { description: "What the factor found, in words." })
  detail!: string;
}

@ObjectType({ description: "A course suggested for a case, with its score broken down and a verdict." })
export class CaseSuggestion {
  @Field(() => ID)
  courseId!: string;

  @Field(() => String)
  courseName!: string;

  @Field(() => String, { nullable: true })
  courseKind!: string | null;

  @Field(() => String, { nullable: true })
  programmeName!: string | null;

  @Field(() => String, { nullable: true })
  institutionName!: string | null;

  @Field(() => [EducationLevel])
  courseLevels!: EducationLevel[];

  @Field(() => ID, { nullable: true, description: "The course's teacher the case is likeliest to land with." })
  teacherId!: string | null;

  @Field(() => String, { nullable: true })
  teacherName!: string | null;

  @Field(() => ID, { nullable: true, description: "The teaching period that fits best (null: none starts in the case's window)." })
  periodId!: string | null;

  @Field(() => String, { nullable: true })
  periodName!: string | null;

  @Field(() => String, { nullable: true })
  periodStart!: string | null;

  @Field(() => String, { nullable: true })
  periodEnd!: string | null;

  @Field(() => [String])
  sharedTopics!: string[];

  @Field(() => Int, { nullable: true, description: "Places left in that period under the agreement; null = no limit or no agreement." })
  remainingPlaces!: number | null;

  @Field(() => Boolean)
  hasAgreement!: boolean;

  @Field(() => Float, { nullable: true, description: "Best warm path's product of tie strengths; null = none." })
  warmPathStrength!: number | null;

  @Field(() => Int, { nullable: true })
  warmPathHops!: number | null;

  @Field(() => Boolean, { description: "This case was already proposed to this teacher." })
  proposedToTeacher!: boolean;

  @Field(() => Float, { description: "0–1." })
  score!: number;

  @Field(() => SuggestionVerdict)
  verdict!: SuggestionVerdict;

  @Field(() => String, { description: "One sentence of why, in the language asked for." })
  reason!: string;

  @Field(() => String)
  reasonNl!: string;

  @Field(() => String)
  reasonEn!: string;

  @Field(() => [SuggestionFactor])
  factors!: SuggestionFactor[];
}

@ObjectType({ description: "A case sent to a teacher for a course, and the answer." })
export class ProposalRecord {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  caseId!: string;

  @Field(() => String)
  caseTitle!: string;

  @Field(() => CaseStatus)
  caseStatus!: CaseStatus;

  @Field(() => ID)
  teacherId!: string;

  @Field(() => String)
  teacherName!: string;

  @Field(() => ID, { nullable: true })
  courseId!: string | null;

  @Field(() => String, { nullable: true })
  courseName!: string | null;

  @Field(() => InteractionChannel)
  channel!: InteractionChannel;

  @Field(() => String)
  sentAt!: string;

  @Field(() => String)
  expiresAt!: string;

  @Field(() => ProposalAnswer, { nullable: true })
  answer!: ProposalAnswer | null;

  @Field(() => String, { nullable: true })
  answeredAt!: string | null;

  @Field(() => String, { nullable: true })
  @Access("CASE_TEXT")
  declineReason!: string | null;

  @Field(() => ProposalState)
  state!: ProposalState;

  @Field(() => String, { nullable: true })
  sentBy!: string | null;
}

@ObjectType({ description: "One case in a teacher's digest." })
export class DigestEntry {
  @Field(() => ID)
  caseId!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  smeName!: string | null;

  @Field(() => String, { nullable: true })
  smeCity!: string | null;

  @Field(() => ID)
  courseId!: string;

  @Field(() => String)
  courseName!: string;

  @Field(() => String, { nullable: true })
  periodName!: string | null;

  @Field(() => String, { nullable: true })
  periodStart!: string | null;

  @Field(() => [String])
  sharedTopics!: string[];

  @Field(() => Float)
  score!: number;

  @Field(() => SuggestionVerdict)
  verdict!: SuggestionVerdict;

  @Field(() => String, { description: "For the coordinator; the e-mail body says why in the teacher's terms." })
  reason!: string;
}

@ObjectType({ description: "A teacher's digest of fitting cases, rendered as a ready-to-send e-mail." })
export class Digest {
  @Field(() => ID)
  teacherId!: string;

  @Field(() => String)
  teacherName!: string;

  @Field(() => String, { nullable: true })
  @Access("CONTACT_DETAILS")
  email!: string | null;

  @Field(() => Language)
  language!: Language;

  @Field(() => String)
  date!: string;

  @Field(() => Int, { nullable: true })
  digestEveryDays!: number | null;

  @Field(() => String, { nullable: true })
  lastSentOn!: string | null;

  @Field(() => String, { nullable: true })
  nextDueOn!: string | null;

  @Field(() => Boolean)
  hasAgreement!: boolean;

  @Field(() => Boolean)
  due!: boolean;

  @Field(() => [DigestEntry])
  items!: DigestEntry[];

  @Field(() => String)
  subject!: string;

  @Field(() => String, { nullable: true, description: "Quotes the cases' questions: coordinators and admins only." })
  @Access("CASE_TEXT")
  body!: string | null;
}

@ObjectType()
export class DigestSent {
  @Field(() => ID)
  teacherId!: string;

  @Field(() => String)
  date!: string;

  @Field(() => [ProposalRecord])
  proposals!: ProposalRecord[];
}

@ObjectType({ description: "A course's capacity in one teaching period." })
export class CourseCapacity {
  @Field(() => ID)
  courseId!: string;

  @Field(() => String)
  courseName!: string;

  @Field(() => ID)
  periodId!: string;

  @Field(() => String)
  periodName!: string;

  @Field(() => Boolean)
  runsInPeriod!: boolean;

  @Field(() => Boolean)
  hasAgreement!: boolean;

  @Field(() => Int, { nullable: true, description: "Null: the agreement sets no limit." })
  casesPerPeriod!: number | null;

  @Field(() => Int)
  used!: number;

  @Field(() => Int, { nullable: true, description: "Null: no limit. 0 without an agreement." })
  remaining!: number | null;
}

@ObjectType()
export class MilestoneRecord {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  sprintId!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  due!: string | null;

  @Field(() => Boolean)
  done!: boolean;
}

@ObjectType({ description: "A sprint with its case's status after the change." })
export class SprintRecord {
  @Field(() => ID)
  id!: string;

  @Field(() => SprintStatus)
  status!: SprintStatus;

  @Field(() => ID)
  caseId!: string;

  @Field(() => CaseStatus)
  caseStatus!: CaseStatus;

  @Field(() => ID, { nullable: true })
  courseId!: string | null;

  @Field(() => String, { nullable: true })
  courseName!: string | null;

  @Field(() => ID, { nullable: true })
  periodId!: string | null;

  @Field(() => String, { nullable: true })
  periodName!: string | null;

  @Field(() => String, { nullable: true })
  startDate!: string | null;

  @Field(() => String, { nullable: true })
  endDate!: string | null;

  @Field(() => Int, { nullable: true })
  teamSize!: number | null;

  @Field(() => EducationLevel, { nullable: true })
  teamLevel!: EducationLevel | null;

  @Field(() => ID, { nullable: true })
  supervisorId!: string | null;

  @Field(() => String, { nullable: true })
  supervisorName!: string | null;

  @Field(() => String, { nullable: true })
  @Access("CASE_TEXT")
  outcome!: string | null;

  @Field(() => Int, { nullable: true })
  smeRating!: number | null;

  @Field(() => String, { nullable: true })
  @Access("CASE_TEXT")
  smeFeedback!: string | null;

  @Field(() => String, { nullable: true })
  @Access("CASE_TEXT")
  teacherFeedback!: string | null;

  @Field(() => Boolean, { nullable: true })
  followUpWanted!: boolean | null;

  @Field(() => [MilestoneRecord])
  milestones!: MilestoneRecord[];
}

@InputType()
export class SprintCompletionInput {
  @Field(() => String, { description: "What the sprint delivered." })
  outcome!: string;

  @Field(() => Int, { nullable: true, description: "The SME's rating, 1 to 5." })
  smeRating?: number | null;

  @Field(() => String, { nullable: true })
  smeFeedback?: string | null;

  @Field(() => String, { nullable: true })
  teacherFeedback?: string | null;

  @Field(() => Boolean, { nullable: true })
  followUpWanted?: boolean | null;
}

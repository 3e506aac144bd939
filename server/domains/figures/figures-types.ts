import "reflect-metadata";
import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { CaseStatus, EducationLevel } from "../../platform/model/graph-enums.js";

/** How caseFunnelByPeriod groups cases by their creation date. */
export enum FunnelGranularity {
  MONTH = "MONTH",
  TEACHING_PERIOD = "TEACHING_PERIOD",
}
registerEnumType(FunnelGranularity, {
  name: "FunnelGranularity",
  description: "MONTH: calendar months (UTC). TEACHING_PERIOD: the teaching periods of one institution.",
});

@ObjectType({ description: "One state of the case funnel (docs/figures.md, F1)." })
export class FunnelStage {
  @Field(() => CaseStatus)
  status!: CaseStatus;

  @Field(() => Int, { description: "Cases whose current status is this one." })
  current!: number;

  @Field(() => Int, {
    description: "Cases that ever got this far: furthest stage at or beyond this one (CLOSED: the closed cases).",
  })
  reached!: number;
}

@ObjectType({ description: "Cases created in one month or teaching period, and how far they got (docs/figures.md, F2)." })
export class FunnelPeriod {
  @Field(() => String, { description: "YYYY-MM for a month; the teaching period's id otherwise." })
  key!: string;

  @Field(() => String, { description: "YYYY-MM, or the period's name and academic year." })
  label!: string;

  @Field(() => String, { description: "First day (ISO date)." })
  start!: string;

  @Field(() => String, { description: "Last day (ISO date)." })
  end!: string;

  @Field(() => Int)
  created!: number;

  @Field(() => Int, { description: "Of those created: reached QUALIFIED or further." })
  qualified!: number;

  @Field(() => Int)
  proposed!: number;

  @Field(() => Int)
  matched!: number;

  @Field(() => Int)
  inSprint!: number;

  @Field(() => Int)
  completed!: number;

  @Field(() => Int, { description: "Of those created: now CLOSED." })
  closed!: number;
}

@ObjectType({ description: "A median duration in days over the cases that have both moments." })
export class DurationFigure {
  @Field(() => Float, { nullable: true, description: "Median in days (fractional); null when no case qualifies." })
  medianDays?: number | null;

  @Field(() => Int, { description: "How many cases the median is over." })
  cases!: number;
}

@ObjectType({ description: "Median days intake → match and match → completed (docs/figures.md, F3)." })
export class CaseDurations {
  @Field(() => DurationFigure, { description: "First MATCHED event minus the case's creation." })
  intakeToMatch!: DurationFigure;

  @Field(() => DurationFigure, { description: "First COMPLETED event minus the first MATCHED event." })
  matchToCompleted!: DurationFigure;
}

@ObjectType()
export class MatchesPerInstitution {
  @Field(() => ID)
  institutionId!: string;

  @Field(() => String)
  institutionName!: string;

  @Field(() => EducationLevel)
  level!: EducationLevel;

  @Field(() => Int)
  matches!: number;
}

@ObjectType()
export class MatchesPerLevel {
  @Field(() => EducationLevel)
  level!: EducationLevel;

  @Field(() => Int)
  matches!: number;
}

@ObjectType()
export class MatchesPerTeachingPeriod {
  @Field(() => ID)
  periodId!: string;

  @Field(() => String)
  periodName!: string;

  @Field(() => String)
  academicYear!: string;

  @Field(() => String, { description: "ISO date." })
  startDate!: string;

  @Field(() => String, { nullable: true })
  institutionName?: string | null;

  @Field(() => Int)
  matches!: number;
}

@ObjectType({ description: "Matches (sprints not cancelled) by institution, level and teaching period (docs/figures.md, F4)." })
export class MatchFigures {
  @Field(() => Int)
  total!: number;

  @Field(() => [MatchesPerInstitution], { description: "Every institution, most matches first." })
  byInstitution!: MatchesPerInstitution[];

  @Field(() => [MatchesPerLevel], { description: "WO, HBO, MBO." })
  byLevel!: MatchesPerLevel[];

  @Field(() => [MatchesPerTeachingPeriod], { description: "Periods with at least one match, by start date." })
  byTeachingPeriod!: MatchesPerTeachingPeriod[];
}

@ObjectType({ description: "What one referral partner's referrals yielded (docs/figures.md, F5)." })
export class PartnerYield {
  @Field(() => ID)
  partnerId!: string;

  @Field(() => String)
  partnerName!: string;

  @Field(() => String)
  kind!: string;

  @Field(() => Int, { description: "SMEs that asked the cases it referred." })
  referredSmes!: number;

  @Field(() => Int, { description: "Cases it referred (a referral belongs to the case)." })
  cases!: number;

  @Field(() => Int)
  matched!: number;

  @Field(() => Int)
  completed!: number;

  @Field(() => Float, { nullable: true, description: "matched / cases; null without cases." })
  matchRate?: number | null;

  @Field(() => Float, { nullable: true, description: "completed / cases; null without cases." })
  completionRate?: number | null;
}

@ObjectType({ description: "How one teacher answers proposals (docs/figures.md, F6)." })
export class TeacherResponseRate {
  @Field(() => ID)
  teacherId!: string;

  @Field(() => String)
  teacherName!: string;

  @Field(() => Int, { description: "Proposals sent, not counting withdrawn ones." })
  sent!: number;

  @Field(() => Int)
  answered!: number;

  @Field(() => Int)
  interested!: number;

  @Field(() => Int)
  notNow!: number;

  @Field(() => Int)
  declined!: number;

  @Field(() => Int, { description: "No answer and past expiresAt." })
  expired!: number;

  @Field(() => Int, { description: "No answer, not yet expired, not withdrawn." })
  open!: number;

  @Field(() => Int, {
    description: "Withdrawn unanswered because the case was matched or closed first; in no other count or rate.",
  })
  withdrawn!: number;

  @Field(() => Float, { description: "answered / sent." })
  responseRate!: number;

  @Field(() => Float, { description: "interested / sent." })
  interestRate!: number;
}

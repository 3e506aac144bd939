import { Access } from "../../platform/auth/Access.js";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { CaseStatus, EducationLevel, SprintStatus } from "../../platform/model/graph-enums.js";

/** GraphQL types of sprints and milestones. Dates are ISO strings: YYYY-MM-DD, instants with a zone. */

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

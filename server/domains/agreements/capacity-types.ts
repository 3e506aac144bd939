import { Access } from "../../platform/auth/Access.js";
import { Field, Float, ID, InputType, Int, ObjectType } from "type-graphql";
import { CaseStatus, EducationLevel } from "../case-workflow/case-enums.js";
import { InteractionChannel, Language, ProposalAnswer, ProposalState, SprintStatus, SuggestionFactorName, SuggestionVerdict } from "../suggestions/matching-enums.js";

/** GraphQL types of agreements and capacity. */

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

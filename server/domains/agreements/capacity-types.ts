import { Field, ID, Int, ObjectType } from "type-graphql";

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

  @Field(() => String)
  academicYear!: string;

  @Field(() => String, { description: "YYYY-MM-DD: the day on which the governing agreement is decided." })
  periodStart!: string;

  @Field(() => Boolean)
  runsInPeriod!: boolean;

  @Field(() => Boolean)
  hasAgreement!: boolean;

  @Field(() => ID, {
    nullable: true,
    description:
      "The agreement whose casesPerPeriod counts: the most specific one valid on the period's start (course, else programme, else institution; of several, the most generous). Null: none.",
  })
  governingAgreementId!: string | null;

  @Field(() => Int, { nullable: true, description: "Null: the agreement sets no limit." })
  casesPerPeriod!: number | null;

  @Field(() => Int, { description: "Sprints in this course and period that are not cancelled." })
  used!: number;

  @Field(() => Int, { nullable: true, description: "Null: no limit. 0 without an agreement." })
  remaining!: number | null;
}

@ObjectType({
  description: "The capacity an agreement concerns: per course it covers and teaching period that starts while it is valid.",
})
export class AgreementCapacity {
  @Field(() => ID)
  agreementId!: string;

  @Field(() => [CourseCapacity], {
    description:
      "Courses covered directly or through the programme or institution, by period start, then course name. Another agreement may govern some.",
  })
  courses!: CourseCapacity[];
}

import { Field, Float, ID, InputType, Int, ObjectType } from "type-graphql";
import { EducationLevel } from "../../platform/model/graph-enums.js";
import { SuggestionFactorName, SuggestionVerdict } from "./matching-enums.js";

/** GraphQL input and output types of suggestions. */

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

  @Field(() => Float, { nullable: true })
  effortFit?: number | null;
}

@ObjectType({ description: "How one of the case's topics matched the course: the same topic, or a broader or narrower one." })
export class TopicMatch {
  @Field(() => ID, { description: "The case's topic." })
  caseTopicId!: string;

  @Field(() => String, { description: "The case's word, as typed." })
  caseWord!: string;

  @Field(() => ID, { description: "The course's topic that matched." })
  courseTopicId!: string;

  @Field(() => String)
  courseTopicNl!: string;

  @Field(() => String)
  courseTopicEn!: string;

  @Field(() => String, { description: "SAME, BROADER (the course's topic is broader than the case's) or NARROWER." })
  relation!: string;

  @Field(() => Float, {
    description: "What it counts in topicOverlap: 1 for the same topic, NEIGHBOUR_TOPIC_CREDIT for a neighbour.",
  })
  credit!: number;
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

  @Field(() => ID, { nullable: true, description: "The programme's id (its page), when the course belongs to one." })
  programmeId!: string | null;

  @Field(() => String, { nullable: true })
  institutionName!: string | null;

  @Field(() => ID, { nullable: true, description: "The institution's id (its page)." })
  institutionId!: string | null;

  @Field(() => [EducationLevel])
  courseLevels!: EducationLevel[];

  @Field(() => ID, { nullable: true, description: "The course's teacher the case is likeliest to land with." })
  teacherId!: string | null;

  @Field(() => String, { nullable: true })
  teacherName!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "The teaching period that fits best (null: none starts in the case's window).",
  })
  periodId!: string | null;

  @Field(() => String, { nullable: true })
  periodName!: string | null;

  @Field(() => String, { nullable: true })
  periodStart!: string | null;

  @Field(() => String, { nullable: true })
  periodEnd!: string | null;

  @Field(() => [String], {
    description: 'The matching topics in the language asked for, saying how: "web shop (yours: webshop)".',
  })
  sharedTopics!: string[];

  @Field(() => [TopicMatch])
  topicMatches!: TopicMatch[];

  @Field(() => Int, {
    nullable: true,
    description: "Places left in that period under the agreement; null = no limit or no agreement.",
  })
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

/**
 * A case and a course of a teacher's that it fits, scored as caseSuggestions scores it: the fields a teacher's digest entry
 * (proposals' DigestEntry) and the institution portal's fitting case (portal's FittingCase) share, declared once here. Each
 * adds its own `reason` (for the coordinator in a digest, for the portal user in the portal) and the rest it shows. No
 * field returns this class itself, so the schema leaves it out.
 */
@ObjectType()
export abstract class CaseCourseFitSummary {
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
}

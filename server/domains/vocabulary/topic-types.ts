import { Field, ID, Int, ObjectType } from "type-graphql";
import { TopicStatus } from "../../platform/model/graph-enums.js";

export { TopicStatus };

/** GraphQL types of the vocabulary (the Topic nodes themselves are in schema/graph.graphql). */

/**
 * A topic as its two labels: what a topic offered while typing (TopicChoice) and a case's topic (case-workflow's
 * CaseTopicLabel) both show, declared once. No field returns this class itself, so the schema leaves it out.
 */
@ObjectType()
export abstract class TopicLabels {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  labelNl!: string;

  @Field(() => String)
  labelEn!: string;
}

@ObjectType({ description: "A topic offered while typing (topicSuggestions)." })
export class TopicChoice extends TopicLabels {
  @Field(() => [String])
  synonyms!: string[];

  @Field(() => TopicStatus)
  status!: TopicStatus;
}

@ObjectType({ description: "A topic of the vocabulary with where it is used (the coordinators' list)." })
export class TopicEntry extends TopicChoice {
  @Field(() => String, { nullable: true, description: "For a proposed topic: the word that proposed it." })
  proposedFrom!: string | null;

  @Field(() => [ID], { description: "Ids of its broader topics." })
  broader!: string[];

  @Field(() => Int)
  caseCount!: number;

  @Field(() => Int)
  courseCount!: number;
}

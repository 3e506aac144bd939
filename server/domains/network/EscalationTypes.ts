import "reflect-metadata";
import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { EmbeddingChange, EmbeddingGain, EmbeddingKind, EmbeddingVerdict } from "./EmbeddingTypes.js";
import { PathPerson, WarmPath } from "./WarmPathTypes.js";

/** The GraphQL shapes of escalationPlan (the route up) and impactIfGone (what if someone leaves). */

export enum EscalationNeed {
  /** Someone on the path introduces them (the path has two or more ties). */
  INTRODUCTION = "INTRODUCTION",
  /** A coordinator knows them, but the tie is not warm yet: a meeting. */
  WARM_UP = "WARM_UP",
  /** No route within maxHops: a cold approach. */
  COLD_APPROACH = "COLD_APPROACH",
  /** An agreement to sign (structural for rung 4, institution-level for rung 5). */
  AGREEMENT = "AGREEMENT",
  /** No one holding the role is recorded: find out who it is. */
  FIND_PERSON = "FIND_PERSON",
}
registerEnumType(EscalationNeed, { name: "EscalationNeed", description: "What a step of the route up takes." });

@ObjectType({ description: "One step of the route up: the rung, through whom, the path to them, the gain and what it takes." })
export class EscalationStep extends EmbeddingGain {
  @Field(() => Int, { description: "The rung this step reaches: 3 programme management, 4 curriculum, 5 board." })
  rung!: number;

  @Field(() => String)
  rungNameEn!: string;

  @Field(() => String)
  rungNameNl!: string;

  @Field(() => PathPerson, { nullable: true, description: "Through whom; null when no one holding the role is recorded." })
  person!: PathPerson | null;

  @Field(() => ID, { nullable: true, description: "The programme the step is for (rungs 3 and 4); null for rung 5." })
  programmeId!: string | null;

  @Field(() => String, { nullable: true })
  programmeName!: string | null;

  @Field(() => WarmPath, { nullable: true, description: "The best warm path to them, else the best path of any strength." })
  path!: WarmPath | null;

  @Field(() => Boolean, { description: "Every tie of the path is warm (≥ the warm threshold)." })
  warm!: boolean;

  @Field(() => PathPerson, { nullable: true, description: "Who would introduce them: the person before them on the path." })
  introducer!: PathPerson | null;

  @Field(() => [EscalationNeed])
  needs!: EscalationNeed[];

  @Field(() => String, { description: "What it takes, in English." })
  needsEn!: string;

  @Field(() => String, { description: "What it takes, in Dutch." })
  needsNl!: string;

  @Field(() => String)
  reasonEn!: string;

  @Field(() => String)
  reasonNl!: string;
}

@ObjectType({ description: "The route up for a programme or an institution: the next rungs and through whom." })
export class EscalationPlan {
  @Field(() => EmbeddingKind)
  kind!: EmbeddingKind;

  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Int, { description: "Programme: its level. Institution: the highest level of its programmes." })
  level!: number;

  @Field(() => Int)
  threads!: number;

  @Field(() => EmbeddingVerdict)
  verdict!: EmbeddingVerdict;

  @Field(() => [EscalationStep], { description: "By rung, lowest first; empty when nothing above can be reached." })
  steps!: EscalationStep[];
}

@ObjectType({ description: "A programme or institution whose threads or level would drop if the person left." })
export class ImpactOnEmbedding extends EmbeddingChange {
  @Field(() => EmbeddingKind)
  kind!: EmbeddingKind;

  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => EmbeddingVerdict)
  verdictBefore!: EmbeddingVerdict;

  @Field(() => EmbeddingVerdict)
  verdictAfter!: EmbeddingVerdict;

  @Field(() => String, { description: "The verdict's reason without them, in English." })
  reasonAfterEn!: string;

  @Field(() => String)
  reasonAfterNl!: string;

  @Field(() => [PathPerson], {
    description: "Who could replace them there: the best next contacts once they are gone (at most 3).",
  })
  replacements!: PathPerson[];
}

@ObjectType({ description: "An open proposal or running sprint that hangs on the person." })
export class ImpactWork {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "PROPOSAL or SPRINT." })
  kind!: string;

  @Field(() => String, { description: "The case's title (a proposal) or the sprint's." })
  title!: string;

  @Field(() => String, { nullable: true })
  courseName!: string | null;
}

@ObjectType({
  description: "What would drop if a person left: embedding, open proposals, running sprints; and who could replace them.",
})
export class ImpactIfGone {
  @Field(() => PathPerson)
  person!: PathPerson;

  @Field(() => [ImpactOnEmbedding], { description: "Only those whose threads or level drop; institutions first, then by name." })
  drops!: ImpactOnEmbedding[];

  @Field(() => [ImpactWork], { description: "Open proposals sent to them." })
  openProposals!: ImpactWork[];

  @Field(() => [ImpactWork], { description: "Running sprints they supervise or whose course they teach." })
  runningSprints!: ImpactWork[];

  @Field(() => String)
  summaryEn!: string;

  @Field(() => String)
  summaryNl!: string;
}

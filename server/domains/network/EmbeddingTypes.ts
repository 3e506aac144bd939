import "reflect-metadata";
import { Field, Float, ID, InterfaceType, Int, ObjectType, registerEnumType } from "type-graphql";
import { PathPerson, WarmPath } from "./WarmPathTypes.js";

/** The GraphQL shapes of embedding, embeddingRanking and refreshEmbedding. */

export enum EmbeddingKind {
  PROGRAMME = "PROGRAMME",
  INSTITUTION = "INSTITUTION",
}
registerEnumType(EmbeddingKind, { name: "EmbeddingKind", description: "What an embedding figure is about." });

export enum EmbeddingVerdict {
  RED = "RED",
  AMBER = "AMBER",
  GREEN = "GREEN",
}
registerEnumType(EmbeddingVerdict, {
  name: "EmbeddingVerdict",
  description: "A programme's or an institution's embedding at a glance, decided on the server; docs/network-analytics.md.",
});

export enum EmbeddingColour {
  RED = "RED",
  AMBER = "AMBER",
  GREEN = "GREEN",
}
registerEnumType(EmbeddingColour, {
  name: "EmbeddingColour",
  description:
    "Red, amber or green for a programme or an institution, as the pages show it: the verdict's colour (judge-embedding.ts).",
});

export enum EmbeddingTrendDirection {
  UP = "UP",
  DOWN = "DOWN",
  FLAT = "FLAT",
}
registerEnumType(EmbeddingTrendDirection, { name: "EmbeddingTrendDirection" });

export enum EmbeddingSortField {
  LEVEL = "LEVEL",
  THREADS = "THREADS",
  SINGLE_POINTS_OF_FAILURE = "SINGLE_POINTS_OF_FAILURE",
  SPRINTS = "SPRINTS",
  AGREEMENTS = "AGREEMENTS",
  OPEN_PROPOSALS = "OPEN_PROPOSALS",
  TREND = "TREND",
  NAME = "NAME",
}
registerEnumType(EmbeddingSortField, { name: "EmbeddingSortField" });

@ObjectType({ description: "Activity figures on one date." })
export class EmbeddingActivity {
  @Field(() => Int, { description: "Sprints (running or completed) that started in the 12 months up to the date." })
  sprints!: number;

  @Field(() => Int, { description: "Agreements active on the date." })
  agreements!: number;

  @Field(() => Int, { description: "Proposals sent, not answered, not expired and not withdrawn on the date." })
  openProposals!: number;
}

@ObjectType({ description: "The activity now against a year earlier." })
export class EmbeddingTrend {
  @Field(() => Int)
  sprints!: number;

  @Field(() => Int)
  agreements!: number;

  @Field(() => Int)
  openProposals!: number;

  @Field(() => EmbeddingTrendDirection, { description: "By sprints + agreements." })
  direction!: EmbeddingTrendDirection;
}

@ObjectType({ description: "One rung of the embedding ladder, whether it holds and why." })
export class LadderRung {
  @Field(() => Int)
  level!: number;

  @Field(() => String)
  nameEn!: string;

  @Field(() => String)
  nameNl!: string;

  @Field(() => Boolean)
  holds!: boolean;

  @Field(() => String)
  reasonEn!: string;

  @Field(() => String)
  reasonNl!: string;
}

@ObjectType({ description: "A person whose leaving would cut every warm route, and why." })
export class SinglePointOfFailure {
  @Field(() => PathPerson)
  person!: PathPerson;

  @Field(() => String)
  whyEn!: string;

  @Field(() => String)
  whyNl!: string;
}

@ObjectType({ description: "One thread: a warm route from a coordinator into the organisation." })
export class EmbeddingThread {
  @Field(() => [PathPerson])
  people!: PathPerson[];
}

@ObjectType({ description: "A programme inside an institution's roll-up." })
export class EmbeddingProgrammeSummary {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Int)
  level!: number;

  @Field(() => String)
  levelNameEn!: string;

  @Field(() => String)
  levelNameNl!: string;

  @Field(() => EmbeddingColour)
  colour!: EmbeddingColour;

  @Field(() => Int)
  threads!: number;

  @Field(() => Int)
  singlePointsOfFailure!: number;

  @Field(() => EmbeddingVerdict)
  verdict!: EmbeddingVerdict;

  @Field(() => String)
  verdictReasonEn!: string;

  @Field(() => String)
  verdictReasonNl!: string;
}

/** The figures the live embedding and the ranking entry share, each declared once (no query returns this type). */
@InterfaceType({ description: "The figures of a programme or an institution that both the live embedding and the ranking give." })
export abstract class EmbeddingFigures {
  @Field(() => EmbeddingKind)
  kind!: EmbeddingKind;

  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => ID, { nullable: true })
  institutionId!: string | null;

  @Field(() => String, { nullable: true })
  institutionName!: string | null;

  @Field(() => Int, { description: "People holding a role there (for a programme: R(P))." })
  roleHolders!: number;

  @Field(() => Int, { description: "Of those, the ones on a warm route within maxHops." })
  reachedRoleHolders!: number;

  @Field(() => Int, { description: "Most warm routes from the coordinators that share no one outside the workspace." })
  threads!: number;

  @Field(() => Int, { description: "Programme: the ladder level. Institution: the highest level of its programmes." })
  level!: number;

  @Field(() => String)
  levelNameEn!: string;

  @Field(() => String)
  levelNameNl!: string;

  @Field(() => EmbeddingColour, {
    description: "Red, amber or green at a glance: the verdict's colour; docs/network-analytics.md.",
  })
  colour!: EmbeddingColour;

  @Field(() => EmbeddingVerdict, {
    description: "Depth and redundancy together (judge-embedding.ts); the pages show it as it is.",
  })
  verdict!: EmbeddingVerdict;

  @Field(() => String, { description: "Why this verdict, in English." })
  verdictReasonEn!: string;

  @Field(() => String, { description: "Why this verdict, in Dutch." })
  verdictReasonNl!: string;

  @Field(() => EmbeddingActivity)
  activity!: EmbeddingActivity;

  @Field(() => EmbeddingActivity, { description: "The same figures as of one year before asOf." })
  activityYearEarlier!: EmbeddingActivity;
}

@InterfaceType({
  description: "How firmly the workspace is embedded in a programme or an institution.",
  implements: EmbeddingFigures,
  resolveType: (value: Embedding) => (value.kind === EmbeddingKind.PROGRAMME ? "ProgrammeEmbedding" : "InstitutionEmbedding"),
})
export abstract class Embedding extends EmbeddingFigures {
  @Field(() => ID)
  workspaceId!: string;

  @Field(() => String, { description: "The date the figures are for." })
  asOf!: string;

  @Field(() => Float)
  warmThreshold!: number;

  @Field(() => Int)
  maxHops!: number;

  @Field(() => [EmbeddingThread], { description: "One set of that many disjoint routes." })
  threadPaths!: EmbeddingThread[];

  @Field(() => [SinglePointOfFailure], { description: "Only when threads = 1." })
  singlePointsOfFailure!: SinglePointOfFailure[];

  @Field(() => EmbeddingTrend)
  trend!: EmbeddingTrend;
}

@ObjectType({
  description: "How firmly the workspace is embedded in a programme: the ladder.",
  implements: [Embedding, EmbeddingFigures],
})
export class ProgrammeEmbedding extends Embedding {
  declare kind: EmbeddingKind.PROGRAMME;

  @Field(() => [LadderRung], { description: "Every rung, whether it holds and why." })
  rungs!: LadderRung[];
}

@ObjectType({
  description: "How firmly the workspace is embedded in an institution: its programmes and a verdict.",
  implements: [Embedding, EmbeddingFigures],
})
export class InstitutionEmbedding extends Embedding {
  declare kind: EmbeddingKind.INSTITUTION;

  @Field(() => [EmbeddingProgrammeSummary])
  programmes!: EmbeddingProgrammeSummary[];

  @Field(() => [Int], { description: "How many programmes stand at level 0, 1, … 5." })
  levelCounts!: number[];
}

@ObjectType({ description: "One programme or institution in the ranking (stored figures).", implements: EmbeddingFigures })
export class EmbeddingRankingEntry extends EmbeddingFigures {
  @Field(() => Int)
  singlePointsOfFailure!: number;

  @Field(() => Int, { description: "(sprints + agreements) now minus a year earlier." })
  trendChange!: number;
}

@ObjectType({ description: "The stored embedding figures, ranked." })
export class EmbeddingRanking {
  @Field(() => ID)
  workspaceId!: string;

  @Field(() => String, { nullable: true, description: "The date the stored figures are for." })
  asOf!: string | null;

  @Field(() => String, { nullable: true, description: "When they were computed." })
  refreshedAt!: string | null;

  @Field(() => Float, { nullable: true })
  warmThreshold!: number | null;

  @Field(() => Int, { nullable: true })
  maxHops!: number | null;

  @Field(() => Int, { description: "Entries matching the filters, before limit and offset." })
  total!: number;

  @Field(() => [EmbeddingRankingEntry])
  entries!: EmbeddingRankingEntry[];
}

@ObjectType({ description: "What a refresh of the stored embedding figures did." })
export class EmbeddingRefresh {
  @Field(() => ID)
  workspaceId!: string;

  @Field(() => String)
  asOf!: string;

  @Field(() => Float)
  warmThreshold!: number;

  @Field(() => Int)
  maxHops!: number;

  @Field(() => Int)
  programmes!: number;

  @Field(() => Int)
  institutions!: number;

  @Field(() => String)
  refreshedAt!: string;

  @Field(() => Int)
  tookMs!: number;
}

/**
 * Threads and level before and after a change in who is engaged: the part a next best contact, a step of the route up
 * (EscalationTypes.ts) and an impact if someone leaves share, declared once. Marked @ObjectType so type-graphql hands its
 * fields down to each subclass; no field returns it, so the schema has no such type (the printed schema is unchanged).
 */
@ObjectType()
export abstract class EmbeddingChange {
  @Field(() => Int)
  threadsBefore!: number;

  @Field(() => Int)
  threadsAfter!: number;

  @Field(() => Int)
  levelBefore!: number;

  @Field(() => Int)
  levelAfter!: number;
}

/** An EmbeddingChange that someone's engagement would bring: the gain in threads and in level. */
@ObjectType()
export abstract class EmbeddingGain extends EmbeddingChange {
  @Field(() => Int)
  gainThreads!: number;

  @Field(() => Int)
  gainLevel!: number;
}

@ObjectType({ description: "A person whose engagement (a warm tie with the workspace) would deepen the embedding." })
export class NextBestContact extends EmbeddingGain {
  @Field(() => PathPerson)
  person!: PathPerson;

  @Field(() => ID, { nullable: true, description: "The programme whose level would rise." })
  programmeId!: string | null;

  @Field(() => String, { nullable: true })
  programmeName!: string | null;

  @Field(() => Boolean, {
    description: "The level after rests on an institution-level agreement they sign (a dean or board member: rung 5).",
  })
  needsAgreement!: boolean;

  @Field(() => String)
  reasonEn!: string;

  @Field(() => String)
  reasonNl!: string;

  @Field(() => WarmPath, {
    nullable: true,
    description: "The best path to them within maxHops, any tie strength; null when there is none.",
  })
  bestPath!: WarmPath | null;
}

import { Args, ArgsType, Ctx, Field, Float, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import { Access } from "../../platform/auth/Access.js";
import type { GraphQLContext } from "../../platform/graphql/context.js";
import { answerAnalytics } from "./AnalyticsWorker.js";
import { embeddingDefaults } from "./compute-embedding.js";
import {
  Embedding,
  EmbeddingKind,
  EmbeddingRanking,
  EmbeddingRefresh,
  EmbeddingSortField,
  EmbeddingVerdict,
} from "./EmbeddingTypes.js";
import { rankEmbedding } from "./rank-embedding.js";
import { refreshOffThread } from "./refresh-off-thread.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import { Cost } from "../../platform/limits/Cost.js";

/** The settings every embedding figure is computed with. */
@ArgsType()
export class EmbeddingSettingsArgs {
  @Field(() => ID, { nullable: true, description: "Whose coordinators (W); needed only when there are several workspaces." })
  workspace?: string | null;

  @Field(() => Float, {
    nullable: true,
    description: "A tie is warm at this strength or more; default the workspace's warmThreshold (0.5 unless set).",
  })
  warmThreshold?: number | null;

  @Field(() => Int, {
    defaultValue: embeddingDefaults.maxHops,
    description: "Threads count people on warm routes of at most this many ties.",
  })
  maxHops!: number;

  @Field(() => String, { nullable: true, description: "The date of the figures, YYYY-MM-DD; default today." })
  asOf?: string | null;
}

@ArgsType()
export class EmbeddingArgs extends EmbeddingSettingsArgs {
  @Field(() => ID, { nullable: true, description: "A programme; or give institution." })
  programme?: string | null;

  @Field(() => ID, { nullable: true, description: "An institution; or give programme." })
  institution?: string | null;
}

@ArgsType()
export class EmbeddingRankingArgs {
  @Field(() => EmbeddingKind, { nullable: true, description: "Only programmes or only institutions." })
  kind?: EmbeddingKind | null;

  @Field(() => ID, { nullable: true, description: "Only this institution and its programmes." })
  institution?: string | null;

  @Field(() => Int, { nullable: true })
  minLevel?: number | null;

  @Field(() => Int, { nullable: true })
  maxLevel?: number | null;

  @Field(() => EmbeddingVerdict, { nullable: true, description: "Institutions with this verdict." })
  verdict?: EmbeddingVerdict | null;

  @Field(() => EmbeddingSortField, { defaultValue: EmbeddingSortField.LEVEL })
  sortBy!: EmbeddingSortField;

  @Field(() => Boolean, { defaultValue: true })
  descending!: boolean;

  @Field(() => Int, { defaultValue: 50 })
  limit!: number;

  @Field(() => Int, { defaultValue: 0 })
  offset!: number;

  @Field(() => ID, { nullable: true })
  workspace?: string | null;
}

@Resolver()
export class EmbeddingResolver {
  @Access("NETWORK_READ")
  @Query(() => Embedding, {
    description:
      "How firmly the workspace is embedded in one programme or institution (give exactly one): threads, single points " +
      "of failure, the ladder level, activity and its trend; for an institution also its programmes and a verdict. " +
      "Computed live. Rules: docs/network-analytics.md.",
  })
  @Cost("embedding")
  async embedding(@Args(() => EmbeddingArgs) args: EmbeddingArgs, @Ctx() ctx: GraphQLContext): Promise<Embedding> {
    if ((args.programme ? 1 : 0) + (args.institution ? 1 : 0) !== 1) {
      throw new DomainError(
        ErrorCode.BAD_USER_INPUT,
        "Give exactly one of programme and institution.",
        args.programme ? "institution" : "programme",
      );
    }
    // In the analytics worker when there is one (AnalyticsWorker.ts): the same computation, off the API's thread.
    return args.programme
      ? answerAnalytics(ctx, "programmeEmbedding", { ...args, programme: args.programme })
      : answerAnalytics(ctx, "institutionEmbedding", { ...args, institution: args.institution! });
  }

  @Access("NETWORK_READ")
  @Query(() => EmbeddingRanking, {
    description:
      "Every programme and institution by embedding, from the stored figures (refreshEmbedding; computed first when " +
      "there are none). Sortable and filterable; ties by name.",
  })
  @Cost("embeddingRanking")
  async embeddingRanking(
    @Args(() => EmbeddingRankingArgs) args: EmbeddingRankingArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<EmbeddingRanking> {
    return rankEmbedding(ctx.db, args);
  }

  @Access("NETWORK_WORK")
  @Mutation(() => EmbeddingRefresh, {
    description: "Recomputes and stores the embedding figures of every programme and institution, which embeddingRanking reads.",
  })
  @Cost("refreshEmbedding")
  async refreshEmbedding(
    @Args(() => EmbeddingSettingsArgs) args: EmbeddingSettingsArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<EmbeddingRefresh> {
    // Off the API's thread when running compiled: a refresh is a minute of CPU at national scale.
    // Not in the request's one transaction (request-transaction.ts): its many reads would run one
    // after another in it, and the whole refresh would have to fit in one transaction's time limit
    // (at load 7 the demo data's refresh did not). Its only write, the snapshots, is already one
    // transaction of its own, and a refresh that fails half-way has written nothing.
    const [summary] = await refreshOffThread(ctx.db.ownTransactions(), { ...args });
    return summary!;
  }
}

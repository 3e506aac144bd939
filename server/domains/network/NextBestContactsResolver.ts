import { Args, ArgsType, Ctx, Field, ID, Int, Query, Resolver } from "type-graphql";
import { Access } from "../../platform/auth/Access.js";
import type { GraphQLContext } from "../../platform/graphql/context.js";
import { EmbeddingSettingsArgs } from "./EmbeddingResolver.js";
import { answerAnalytics } from "./AnalyticsWorker.js";
import { NextBestContact } from "./EmbeddingTypes.js";
import { Cost } from "../../platform/limits/Cost.js";
import { EscalationPlan, ImpactIfGone } from "./EscalationTypes.js";

@ArgsType()
export class NextBestContactsArgs extends EmbeddingSettingsArgs {
  @Field(() => ID, { nullable: true, description: "A programme; or give institution." })
  programme?: string | null;

  @Field(() => ID, { nullable: true, description: "An institution; or give programme." })
  institution?: string | null;

  @Field(() => Int, { defaultValue: 5, description: "How many people." })
  limit!: number;
}

@ArgsType()
export class EscalationPlanArgs extends EmbeddingSettingsArgs {
  @Field(() => ID, { nullable: true, description: "A programme; or give institution." })
  programme?: string | null;

  @Field(() => ID, { nullable: true, description: "An institution; or give programme." })
  institution?: string | null;
}

@ArgsType()
export class ImpactIfGoneArgs extends EmbeddingSettingsArgs {
  @Field(() => ID, { description: "The person who might leave." })
  person!: string;
}

/** Who to engage next (nextBestContacts), the route up (escalationPlan) and what if someone leaves (impactIfGone). */
@Resolver()
export class NextBestContactsResolver {
  @Access("NETWORK_READ")
  @Query(() => [NextBestContact], {
    description:
      "For a programme or an institution (give exactly one): the role holders whose engagement would raise the threads " +
      "or the ladder level most, with the gain and the best warm path to each. Rules: docs/network-analytics.md.",
  })
  @Cost("nextBestContacts")
  async nextBestContacts(
    @Args(() => NextBestContactsArgs) args: NextBestContactsArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<NextBestContact[]> {
    return answerAnalytics(ctx, "nextBestContacts", args);
  }

  @Access("NETWORK_READ")
  @Query(() => EscalationPlan, {
    description:
      "The route up for a programme or an institution (give exactly one): the next rungs — programme coordinator or " +
      "director, a structural agreement, dean or board member — each through whom, the best warm path, the gain and " +
      "what it takes. Rules: docs/network-analytics.md.",
  })
  @Cost("escalationPlan")
  async escalationPlan(
    @Args(() => EscalationPlanArgs) args: EscalationPlanArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<EscalationPlan> {
    return answerAnalytics(ctx, "escalationPlan", args);
  }

  @Access("NETWORK_READ")
  @Query(() => ImpactIfGone, {
    description:
      "What would drop if a person left: the programmes and institutions whose threads or level fall (computed with " +
      "the person detached), the open proposals and running sprints that hang on them, and who could replace them.",
  })
  @Cost("impactIfGone")
  async impactIfGone(@Args(() => ImpactIfGoneArgs) args: ImpactIfGoneArgs, @Ctx() ctx: GraphQLContext): Promise<ImpactIfGone> {
    return answerAnalytics(ctx, "impactIfGone", args);
  }
}

import { Args, ArgsType, Ctx, Field, Float, ID, Int, Query, Resolver } from "type-graphql";
import { Access } from "../../platform/auth/Access.js";
import type { GraphQLContext } from "../../platform/graphql/context.js";
import { findWarmPaths, warmPathDefaults } from "./find-warm-paths.js";
import { WarmPath } from "./WarmPathTypes.js";
import { Cost } from "../../platform/limits/Cost.js";

/** An args class keeps the arguments in this order in the schema (parameter decorators run last-first). */
@ArgsType()
export class WarmPathsArgs {
  @Field(() => ID, { description: "A person, course, programme or institution." })
  to!: string;

  @Field(() => [ID], { nullable: true, description: "Starting people; default the workspace's coordinators." })
  from?: string[] | null;

  @Field(() => Int, { defaultValue: warmPathDefaults.k, description: "How many paths, best first." })
  k!: number;

  @Field(() => Int, { defaultValue: warmPathDefaults.maxHops, description: "Most ties on a path, 1 to 6." })
  maxHops!: number;

  @Field(() => Float, { defaultValue: warmPathDefaults.minStrength, description: "Only ties at least this strong." })
  minStrength!: number;

  @Field(() => [ID], { nullable: true, description: "People no path may pass through." })
  avoid?: string[] | null;

  @Field(() => ID, { nullable: true, description: "Whose coordinators start; needed only when there are several workspaces." })
  workspace?: string | null;
}

@Resolver()
export class WarmPathsResolver {
  @Access("NETWORK_READ")
  @Query(() => [WarmPath], {
    description:
      "The k best warm-contact paths to a person, or to anyone holding a role at a course, programme or institution. " +
      "Empty when no path lies within the limits. Rules: docs/network-analytics.md.",
  })
  @Cost("warmPaths")
  async warmPaths(@Args(() => WarmPathsArgs) args: WarmPathsArgs, @Ctx() ctx: GraphQLContext): Promise<WarmPath[]> {
    return findWarmPaths(ctx.db, args);
  }
}

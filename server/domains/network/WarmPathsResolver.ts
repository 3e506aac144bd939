import { Args, ArgsType, Ctx, Field, Float, ID, Int, Query, Resolver } from "type-graphql";
import { Access } from "../../platform/auth/Access.js";
import { resolveActor } from "../../platform/auth/resolve-actor.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import type { GraphQLContext } from "../../platform/graphql/context.js";
import { answerAnalytics } from "./AnalyticsWorker.js";
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

  @Field(() => Boolean, {
    defaultValue: false,
    description: "Start from the signed-in account's own person alone (who can introduce me?). Not together with from.",
  })
  fromMe!: boolean;

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
    if (args.fromMe && args.from) throw new DomainError(ErrorCode.BAD_USER_INPUT, "Give from or fromMe, not both.", "fromMe");
    const input = args.fromMe ? { ...args, from: [await myPerson(ctx)] } : args;
    // From the coordinators (hubs, thousands of ties each): in the analytics worker when there is one (AnalyticsWorker.ts).
    // From given people too when the worker searches its tie graph in memory (find-warm-paths-in-memory.ts: the same
    // answer, two short reads instead of the search in Neo4j, ~17 ms at L); otherwise the search is one statement and
    // little JavaScript, and routing it would only add the hop.
    if (!input.from || ctx.analytics?.searchesWarmPathsInMemory) return answerAnalytics(ctx, "warmPaths", input);
    return findWarmPaths(ctx.db, input);
  }
}

/** The signed-in account's linked person (resolveActor), or why "me" names no one. */
export async function myPerson(ctx: GraphQLContext): Promise<string> {
  const personId = ctx.user ? (await resolveActor(ctx, null)).personId : null;
  if (!personId)
    throw new DomainError(
      ErrorCode.BAD_USER_INPUT,
      'Your account is not linked to a person, so there is no "me" to start from (an admin links it with linkUserToPerson).',
      "fromMe",
    );
  return personId;
}

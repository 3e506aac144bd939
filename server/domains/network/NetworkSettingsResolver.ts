import { Arg, Ctx, Float, ID, Mutation, Query, Resolver } from "type-graphql";
import { Access } from "../../platform/auth/Access.js";
import { resolveActor } from "../../platform/auth/resolve-actor.js";
import type { GraphQLContext } from "../../platform/graphql/context.js";
import { Cost } from "../../platform/limits/Cost.js";
import { readCoordinatorTies } from "./coordinator-ties.js";
import { setWarmThreshold } from "./warm-threshold.js";
import { CoordinatorTie, WarmThresholdState } from "./WarmPathTypes.js";

/** The workspace's one meaning of warm, and the coordinators' own ties to a person (docs/network-analytics.md). */
@Resolver()
export class NetworkSettingsResolver {
  @Access("NETWORK_WORK")
  @Mutation(() => WarmThresholdState, {
    description:
      "Sets the workspace's warm threshold (0 < threshold ≤ 1): embedding, nextBestContacts, the suggestions' warm path factor and the explorer count a tie as warm from it. Stored figures follow at their next refresh.",
  })
  @Cost("setWarmThreshold")
  async setWarmThreshold(
    @Ctx() ctx: GraphQLContext,
    @Arg("threshold", () => Float) threshold: number,
    @Arg("workspace", () => ID, { nullable: true, description: "Needed only when there are several workspaces." })
    workspace?: string,
  ): Promise<WarmThresholdState> {
    return setWarmThreshold(ctx.db, { workspace: workspace ?? null, threshold });
  }

  @Access("NETWORK_READ")
  @Query(() => [CoordinatorTie], {
    description:
      "Each coordinator of the workspace and their own tie to the person: strength, warm or not, channel, last contact, when they last spoke, the introducer. Strongest first; coordinators without a tie last.",
  })
  @Cost("coordinatorTies")
  async coordinatorTies(
    @Ctx() ctx: GraphQLContext,
    @Arg("person", () => ID) person: string,
    @Arg("workspace", () => ID, { nullable: true, description: "Needed only when there are several workspaces." })
    workspace?: string,
  ): Promise<CoordinatorTie[]> {
    const me = ctx.user ? (await resolveActor(ctx, null)).personId : null;
    return readCoordinatorTies(ctx.db, { person, workspace: workspace ?? null, me });
  }
}

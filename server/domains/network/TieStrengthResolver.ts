import { Args, ArgsType, Ctx, Field, Float, ID, Mutation, Resolver } from "type-graphql";
import { Access } from "../../platform/auth/Access.js";
import type { GraphQLContext } from "../../platform/graphql/context.js";
import { setTieStrength } from "./set-tie-strength.js";
import { TieState } from "./WarmPathTypes.js";
import { Cost } from "../../platform/limits/Cost.js";
import { editAuthor } from "../history/index.js";

@ArgsType()
export class SetTieStrengthArgs {
  @Field(() => ID)
  a!: string;

  @Field(() => ID)
  b!: string;

  @Field(() => Float, { description: "More than 0, at most 1." })
  strength!: number;

  @Field(() => String, { nullable: true, description: "A TieChannel value; kept as it is when left out." })
  channel?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Why (at most 2,000 characters): kept as the tie's note, in the same transaction, and shown in the history.",
  })
  reason?: string | null;
}

/**
 * A coordinator's hand-set tie strength. Interactions reach the tie through `logInteraction`
 * (server/domains/outreach/log-interaction.ts → applyInteractionToTie).
 */
@Resolver()
export class TieStrengthResolver {
  @Access("NETWORK_WORK")
  @Mutation(() => TieState, {
    description: "Sets a tie's strength by hand (marked manual: interactions no longer change it). Creates the tie if needed.",
  })
  @Cost("setTieStrength")
  async setTieStrength(@Args(() => SetTieStrengthArgs) args: SetTieStrengthArgs, @Ctx() ctx: GraphQLContext): Promise<TieState> {
    return setTieStrength(ctx.db, args, editAuthor(ctx));
  }
}

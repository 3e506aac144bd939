import { Args, ArgsType, Ctx, Field, ID, Int, Query, Resolver } from "type-graphql";
import { Access } from "../../platform/auth/Access.js";
import type { GraphQLContext } from "../../platform/graphql/context.js";
import { EmbeddingSettingsArgs } from "./EmbeddingResolver.js";
import { NextBestContact } from "./EmbeddingTypes.js";
import { findNextBestContacts } from "./find-next-best-contacts.js";
import { Cost } from "../../platform/limits/Cost.js";

@ArgsType()
export class NextBestContactsArgs extends EmbeddingSettingsArgs {
  @Field(() => ID, { nullable: true, description: "A programme; or give institution." })
  programme?: string | null;

  @Field(() => ID, { nullable: true, description: "An institution; or give programme." })
  institution?: string | null;

  @Field(() => Int, { defaultValue: 5, description: "How many people." })
  limit!: number;
}

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
    return findNextBestContacts(ctx.db, args);
  }
}

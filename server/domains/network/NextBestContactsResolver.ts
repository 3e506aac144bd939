import { Args, ArgsType, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from "type-graphql";
import { Access } from "../../platform/auth/Access.js";
import type { GraphQLContext } from "../../platform/graphql/context.js";
import { EmbeddingSettingsArgs } from "./EmbeddingResolver.js";
import { findNextBestContacts } from "./find-next-best-contacts.js";
import { PathPerson, toPathPerson, toWarmPath, WarmPath } from "./WarmPathTypes.js";

@ObjectType({ description: "A person whose engagement (a warm tie with the workspace) would deepen the embedding." })
export class NextBestContact {
  @Field(() => PathPerson)
  person!: PathPerson;

  @Field(() => Int)
  threadsBefore!: number;

  @Field(() => Int)
  threadsAfter!: number;

  @Field(() => Int)
  levelBefore!: number;

  @Field(() => Int)
  levelAfter!: number;

  @Field(() => Int)
  gainThreads!: number;

  @Field(() => Int)
  gainLevel!: number;

  @Field(() => ID, { nullable: true, description: "The programme whose level would rise." })
  programmeId!: string | null;

  @Field(() => String, { nullable: true })
  programmeName!: string | null;

  @Field(() => String)
  reasonEn!: string;

  @Field(() => String)
  reasonNl!: string;

  @Field(() => WarmPath, { nullable: true, description: "The best path to them within maxHops, any tie strength; null when there is none." })
  bestPath!: WarmPath | null;
}

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
  async nextBestContacts(@Args(() => NextBestContactsArgs) args: NextBestContactsArgs, @Ctx() ctx: GraphQLContext): Promise<NextBestContact[]> {
    const found = await findNextBestContacts(ctx.db, args);
    return found.map((c) => ({ ...c, person: toPathPerson(c.person), bestPath: c.bestPath ? toWarmPath(c.bestPath) : null }));
  }
}

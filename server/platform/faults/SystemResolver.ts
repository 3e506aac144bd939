import { Ctx, Field, ObjectType, Query, Resolver } from "type-graphql";
import type { GraphQLContext } from "../graphql/context.js";
import { Cost } from "../limits/Cost.js";

@ObjectType({ description: "The database the API serves from." })
export class DatabaseStatus {
  @Field(() => Boolean)
  reachable!: boolean;

  @Field(() => String, { nullable: true })
  version?: string;

  @Field(() => String, { nullable: true })
  edition?: string;
}

/** A custom (type-graphql) resolver living in the same schema as the generated CRUD. */
@Resolver()
export class SystemResolver {
  @Query(() => DatabaseStatus, { description: "Whether Neo4j answers, and which version runs." })
  @Cost("databaseStatus")
  async databaseStatus(@Ctx() ctx: GraphQLContext): Promise<DatabaseStatus> {
    try {
      const info = await ctx.db.serverInfo();
      return { reachable: true, version: info.version, edition: info.edition };
    } catch {
      return { reachable: false };
    }
  }
}

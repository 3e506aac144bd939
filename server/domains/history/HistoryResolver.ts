import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import { Access } from "../../platform/auth/Access.js";
import type { GraphQLContext } from "../../platform/graphql/context.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import { Cost } from "../../platform/limits/Cost.js";
import { checkId } from "../../platform/validation/check-value.js";
import { HistoryEntry } from "./history-types.js";
import { readHistory } from "./read-history.js";

/** The history of any node of the graph: generic edits (recorded by record-generic-edits.ts) and a case's timeline. */
@Resolver()
export class HistoryResolver {
  @Query(() => [HistoryEntry], {
    description:
      "Every change of one node, newest first: generic edits through the API (who, when, each field's old and new value) and, for a case, its status changes. Fields your role may not read are marked hidden.",
  })
  @Access("GRAPH_READ")
  @Cost("history")
  async history(@Arg("id", () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<HistoryEntry[]> {
    const wrong = checkId(id);
    if (wrong) throw new DomainError(ErrorCode.BAD_USER_INPUT, `id: ${wrong}`, "id");
    return readHistory(ctx.db, id, ctx.user?.roles);
  }
}

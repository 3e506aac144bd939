import { Ctx, Query, Resolver } from "type-graphql";
import { Access } from "../../platform/auth/Access.js";
import type { GraphQLContext } from "../../platform/graphql/context.js";
import { exportCasesCsv } from "./export-cases-csv.js";
import { exportContactsCsv } from "./export-contacts-csv.js";
import { Cost } from "../../platform/limits/Cost.js";

/** CSV downloads for the client's buttons: the same text as `npm run export`. */
@Resolver()
export class SpreadsheetsResolver {
  @Query(() => String, { description: "All cases as CSV (docs/spreadsheets.md, cases export)." })
  @Access("DATA_TRANSFER")
  @Cost("exportCasesCsv")
  async exportCasesCsv(@Ctx() ctx: GraphQLContext): Promise<string> {
    return exportCasesCsv(ctx.db);
  }

  @Query(() => String, { description: "The contact list as CSV: personal data (names, e-mail, phone) — handle it as such." })
  @Access("DATA_TRANSFER")
  @Cost("exportContactsCsv")
  async exportContactsCsv(@Ctx() ctx: GraphQLContext): Promise<string> {
    return exportContactsCsv(ctx.db);
  }
}

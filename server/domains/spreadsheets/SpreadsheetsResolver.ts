import { Arg, Ctx, Query, Resolver } from "type-graphql";
import { Access } from "../../platform/auth/Access.js";
import type { GraphQLContext } from "../../platform/graphql/context.js";
import { exportCasesCsv } from "./export-cases-csv.js";
import { exportContactsCsv } from "./export-contacts-csv.js";
import { Cost } from "../../platform/limits/Cost.js";
import { Language } from "../../platform/model/graph-enums.js";

/** CSV downloads for the client's buttons: the same text as `npm run export`. */
@Resolver()
export class SpreadsheetsResolver {
  @Query(() => String, { description: "All cases as CSV (docs/spreadsheets.md, cases export)." })
  @Access("DATA_TRANSFER")
  @Cost("exportCasesCsv")
  async exportCasesCsv(
    @Ctx() ctx: GraphQLContext,
    @Arg("language", () => Language, { defaultValue: Language.NL, description: "The language of the topic labels." })
    language: Language = Language.NL,
  ): Promise<string> {
    return exportCasesCsv(ctx.db, language === Language.EN ? "EN" : "NL");
  }

  @Query(() => String, { description: "The contact list as CSV: personal data (names, e-mail, phone) — handle it as such." })
  @Access("DATA_TRANSFER")
  @Cost("exportContactsCsv")
  async exportContactsCsv(@Ctx() ctx: GraphQLContext): Promise<string> {
    return exportContactsCsv(ctx.db);
  }
}

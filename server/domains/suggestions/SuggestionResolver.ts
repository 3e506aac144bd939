import { Access } from "../../platform/auth/Access.js";
import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import { nowIso } from "../../platform/clock/read-clock.js";
import type { GraphQLContext } from "../../platform/graphql/context.js";
import { Language } from "../../platform/model/graph-enums.js";
import { matchingSettings } from "./matching-settings.js";
import { CaseSuggestion, SuggestionWeightsInput } from "./suggestion-types.js";
import { suggestCourses } from "./suggest-courses.js";
import { Cost } from "../../platform/limits/Cost.js";
import { answerAnalytics } from "../network/index.js";

@Resolver()
export class SuggestionResolver {
  @Query(() => [CaseSuggestion], {
    description:
      "Courses ranked by fit for a case: topic overlap, level fit, timing, remaining capacity, teacher's track record, warm path; each with a verdict and one sentence of why.",
  })
  @Access("CASE_READ")
  @Cost("caseSuggestions")
  async caseSuggestions(
    @Ctx() ctx: GraphQLContext,
    @Arg("case", () => ID) caseId: string,
    @Arg("limit", () => Int, { defaultValue: 10 }) limit = 10,
    @Arg("weights", () => SuggestionWeightsInput, { nullable: true }) weights?: SuggestionWeightsInput | null,
    @Arg("language", () => Language, { defaultValue: Language.EN, description: "Language of `reason`." })
    language: Language = Language.EN,
  ): Promise<CaseSuggestion[]> {
    return suggestCourses(
      ctx.db,
      { caseId, limit, weights: weights ?? null, language, now: nowIso(), settings: matchingSettings() },
      // The warm paths from the analytics worker when it holds the ties (it follows tie writes, so an interaction logged
      // costs a follow there, not the coordinators' half read again here: issue #19); else on this thread.
      ctx.analytics?.searchesWarmPathsInMemory ? (input) => answerAnalytics(ctx, "bestWarmPaths", input) : undefined,
    );
  }
}

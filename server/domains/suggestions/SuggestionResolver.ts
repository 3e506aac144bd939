import { Access } from "../../platform/auth/Access.js";
import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import type { EducationLevel } from "../case-workflow/case-enums.js";
import { nowIso } from "../../platform/clock/read-clock.js";
import type { GraphQLContext } from "../../platform/graphql/context.js";
import { Language, type SuggestionFactorName, type SuggestionVerdict } from "./matching-enums.js";
import { matchingSettings } from "./matching-settings.js";
import { CaseSuggestion, SuggestionWeightsInput } from "./suggestion-types.js";
import { suggestCourses } from "./suggest-courses.js";
import type { SuggestionWeights } from "./suggestion-weights.js";

@Resolver()
export class SuggestionResolver {
  @Query(() => [CaseSuggestion], {
    description:
      "Courses ranked by fit for a case: topic overlap, level fit, timing, remaining capacity, teacher's track record, warm path; each with a verdict and one sentence of why.",
  })
  @Access("CASE_READ")
  async caseSuggestions(
    @Ctx() ctx: GraphQLContext,
    @Arg("case", () => ID) caseId: string,
    @Arg("limit", () => Int, { defaultValue: 10 }) limit = 10,
    @Arg("weights", () => SuggestionWeightsInput, { nullable: true }) weights?: SuggestionWeightsInput | null,
    @Arg("language", () => Language, { defaultValue: Language.EN, description: "Language of `reason`." }) language: Language = Language.EN,
  ): Promise<CaseSuggestion[]> {
    const suggestions = await suggestCourses(ctx.db, {
      caseId,
      limit,
      weights: (weights ?? null) as Partial<SuggestionWeights> | null,
      language,
      now: nowIso(),
      settings: matchingSettings(),
    });
    return suggestions.map(({ fit, teacher, scored, reasons }) => ({
      courseId: fit.courseId,
      courseName: fit.courseName,
      courseKind: fit.courseKind,
      programmeName: fit.programmeName,
      institutionName: fit.institutionName,
      courseLevels: fit.courseLevels as EducationLevel[],
      teacherId: teacher?.teacherId ?? null,
      teacherName: teacher?.teacherName ?? null,
      periodId: fit.period?.id ?? null,
      periodName: fit.period?.name ?? null,
      periodStart: fit.period?.startDate ?? null,
      periodEnd: fit.period?.endDate ?? null,
      sharedTopics: fit.sharedTopics,
      remainingPlaces: fit.remainingPlaces,
      hasAgreement: fit.hasAgreement,
      warmPathStrength: teacher?.warmPathStrength ?? null,
      warmPathHops: teacher?.warmPathHops ?? null,
      proposedToTeacher: teacher?.proposedForCase ?? false,
      score: scored.total,
      verdict: scored.verdict as SuggestionVerdict,
      reason: scored.reason,
      reasonNl: reasons.NL,
      reasonEn: reasons.EN,
      factors: scored.factors.map((f) => ({ ...f, factor: f.factor as SuggestionFactorName })),
    }));
  }
}

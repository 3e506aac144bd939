import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import { Access } from "../../platform/auth/Access.js";
import type { GraphQLContext } from "../../platform/graphql/context.js";
import { checkMoment, checkWindow } from "./figure-window.js";
import {
  CaseDurations,
  FunnelGranularity,
  FunnelPeriod,
  FunnelStage,
  MatchFigures,
  PartnerYield,
  TeacherResponseRate,
} from "./figures-types.js";
import { readCaseDurations } from "./read-case-durations.js";
import { readCaseFunnel } from "./read-case-funnel.js";
import { readFunnelByPeriod } from "./read-funnel-by-period.js";
import { readMatchFigures } from "./read-match-figures.js";
import { readPartnerYield } from "./read-partner-yield.js";
import { readTeacherResponseRates } from "./read-teacher-response-rates.js";
import { Cost } from "../../platform/limits/Cost.js";

const fromOptions = { nullable: true, description: "ISO date, inclusive (see docs/figures.md for what it bounds)." } as const;
const toOptions = { nullable: true, description: "ISO date, inclusive." } as const;

/** The figures of item 8, each computed in Cypher and defined exactly in docs/figures.md. */
@Resolver()
export class FiguresResolver {
  @Query(() => [FunnelStage], {
    description: "F1: per case state, the cases in it now and the cases that got that far. Window: case creation date.",
  })
  @Access("FIGURES")
  @Cost("caseFunnel")
  async caseFunnel(
    @Ctx() ctx: GraphQLContext,
    @Arg("from", () => String, fromOptions) from?: string,
    @Arg("to", () => String, toOptions) to?: string,
  ): Promise<FunnelStage[]> {
    return readCaseFunnel(ctx.db, checkWindow(from, to));
  }

  @Query(() => [FunnelPeriod], {
    description: "F2: cases created per month or teaching period (of `institution`), with how far they got.",
  })
  @Access("FIGURES")
  @Cost("caseFunnelByPeriod")
  async caseFunnelByPeriod(
    @Ctx() ctx: GraphQLContext,
    @Arg("granularity", () => FunnelGranularity) granularity: FunnelGranularity,
    @Arg("institution", () => ID, { nullable: true, description: "Required for TEACHING_PERIOD." }) institution?: string,
    @Arg("from", () => String, fromOptions) from?: string,
    @Arg("to", () => String, toOptions) to?: string,
  ): Promise<FunnelPeriod[]> {
    return readFunnelByPeriod(ctx.db, granularity, institution, checkWindow(from, to));
  }

  @Query(() => CaseDurations, {
    description: "F3: median days intake → match and match → completed. Window: case creation date.",
  })
  @Access("FIGURES")
  @Cost("caseDurations")
  async caseDurations(
    @Ctx() ctx: GraphQLContext,
    @Arg("from", () => String, fromOptions) from?: string,
    @Arg("to", () => String, toOptions) to?: string,
  ): Promise<CaseDurations> {
    return readCaseDurations(ctx.db, checkWindow(from, to));
  }

  @Query(() => MatchFigures, {
    description: "F4: matches per institution, level and teaching period. Window: case creation date.",
  })
  @Access("FIGURES")
  @Cost("matchFigures")
  async matchFigures(
    @Ctx() ctx: GraphQLContext,
    @Arg("from", () => String, fromOptions) from?: string,
    @Arg("to", () => String, toOptions) to?: string,
  ): Promise<MatchFigures> {
    return readMatchFigures(ctx.db, checkWindow(from, to));
  }

  @Query(() => [PartnerYield], { description: "F5: referral partners' yield. Window: referral date." })
  @Access("FIGURES")
  @Cost("partnerYield")
  async partnerYield(
    @Ctx() ctx: GraphQLContext,
    @Arg("from", () => String, fromOptions) from?: string,
    @Arg("to", () => String, toOptions) to?: string,
  ): Promise<PartnerYield[]> {
    return readPartnerYield(ctx.db, checkWindow(from, to));
  }

  @Query(() => [TeacherResponseRate], {
    description: "F6: teachers' response rates to proposals. Window: date the proposal was sent.",
  })
  @Access("FIGURES")
  @Cost("teacherResponseRates")
  async teacherResponseRates(
    @Ctx() ctx: GraphQLContext,
    @Arg("from", () => String, fromOptions) from?: string,
    @Arg("to", () => String, toOptions) to?: string,
    @Arg("asOf", () => String, { nullable: true, description: "Moment for 'expired' (ISO date-time); default now." })
    asOf?: string,
  ): Promise<TeacherResponseRate[]> {
    return readTeacherResponseRates(ctx.db, checkWindow(from, to), checkMoment(asOf, "asOf"));
  }
}

import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { Access } from "../../platform/auth/Access.js";
import { nowIso, todayIso } from "../../platform/clock/read-clock.js";
import type { GraphQLContext } from "../../platform/graphql/context.js";
import { Cost } from "../../platform/limits/Cost.js";
import { Language, ProposalAnswer } from "../../platform/model/graph-enums.js";
import { ProposalRecord } from "../proposals/index.js";
import { matchingSettings } from "../suggestions/index.js";
import { portalScope } from "./portal-scope.js";
import { ColleagueInput, ForwardedCase, Portal } from "./portal-types.js";
import { answerOwnProposal, claimCase, forwardCase, type WorkContext } from "./portal-work.js";
import { readPortal } from "./read-portal.js";

function workContext(language: Language): WorkContext {
  const now = nowIso();
  return { now, today: todayIso(new Date(now)), language, settings: matchingSettings() };
}

/**
 * The institution portal (issue #18): the only fields an INSTITUTION_CONTACT or TEACHER may use besides their own
 * account (access families PORTAL and PORTAL_WORK). Every answer is read within the caller's scope (portal-scope.ts).
 */
@Resolver()
export class PortalResolver {
  @Query(() => Portal, {
    description:
      "The institution portal of the signed-in person: their programmes and courses, the open cases that fit them, their agreements with capacity per period, open proposals and claims, and planned or running sprints — only what their roles in the graph reach.",
  })
  @Access("PORTAL")
  @Cost("myPortal")
  async myPortal(
    @Ctx() ctx: GraphQLContext,
    @Arg("language", () => Language, { defaultValue: Language.NL, description: "Language of reasons and topics." })
    language: Language = Language.NL,
  ): Promise<Portal> {
    const scope = await portalScope(ctx);
    const work = workContext(language);
    return ctx.db.readTx((tx) => readPortal(tx, scope, work));
  }

  @Mutation(() => ProposalRecord, {
    description:
      '"This one is for us": claims an open case that fits a course the person reaches, as a proposal in the other direction (origin CLAIM, claimState PENDING) for a coordinator to confirm (confirmClaim) or decline (declineClaim).',
  })
  @Access("PORTAL_WORK")
  @Cost("claimCase")
  async claimCase(
    @Ctx() ctx: GraphQLContext,
    @Arg("caseId", () => ID) caseId: string,
    @Arg("courseId", () => ID) courseId: string,
    @Arg("note", () => String, { nullable: true }) note?: string | null,
  ): Promise<ProposalRecord> {
    const scope = await portalScope(ctx);
    return claimCase(ctx.db, scope, { caseId, courseId, note: note ?? null }, workContext(Language.NL));
  }

  @Mutation(() => ForwardedCase, {
    description:
      "Forwards a case the person reaches to a colleague in one of their programmes (a known person by id, or a new one who becomes known there): a proposal to the colleague (origin FORWARD) and an interaction recording the introduction, which makes or strengthens their tie.",
  })
  @Access("PORTAL_WORK")
  @Cost("forwardCase")
  async forwardCase(
    @Ctx() ctx: GraphQLContext,
    @Arg("caseId", () => ID) caseId: string,
    @Arg("colleague", () => ColleagueInput) colleague: ColleagueInput,
    @Arg("note", () => String, { nullable: true }) note?: string | null,
  ): Promise<ForwardedCase> {
    const scope = await portalScope(ctx);
    return forwardCase(ctx.db, scope, { caseId, colleague, note: note ?? null }, workContext(Language.NL));
  }

  @Mutation(() => ProposalRecord, {
    description:
      "Answers a proposal made to the signed-in person (as answerProposal: once, before expiry; DECLINED needs a reason).",
  })
  @Access("PORTAL_WORK")
  @Cost("answerMyProposal")
  async answerMyProposal(
    @Ctx() ctx: GraphQLContext,
    @Arg("proposalId", () => ID) proposalId: string,
    @Arg("answer", () => ProposalAnswer) answer: ProposalAnswer,
    @Arg("reason", () => String, { nullable: true }) reason?: string | null,
  ): Promise<ProposalRecord> {
    const scope = await portalScope(ctx);
    return answerOwnProposal(ctx.db, scope, { proposalId, answer, reason: reason ?? null }, nowIso());
  }
}

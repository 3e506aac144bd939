import { Access } from "../../platform/auth/Access.js";
import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { isIsoDate } from "../../platform/clock/check-iso-date.js";
import { nowIso, todayIso } from "../../platform/clock/read-clock.js";
import { resolveActor } from "../../platform/auth/resolve-actor.js";
import type { GraphQLContext } from "../../platform/graphql/context.js";
import { answerProposal } from "./answer-proposal.js";
import { decideClaim } from "./claims.js";
import { buildDigest, buildDueDigests } from "./build-digest.js";
import { markDigestSent } from "./mark-digest-sent.js";
import { logProposalFollowUp } from "./log-follow-up.js";
import { InteractionChannel, Language, ProposalAnswer } from "../../platform/model/graph-enums.js";
import { matchingSettings } from "../suggestions/index.js";
import { Digest, DigestSent, ProposalRecord } from "./proposal-types.js";
import { proposeCase } from "./propose-case.js";
import { readProposals } from "./read-proposals.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import { Cost } from "../../platform/limits/Cost.js";

const ACTOR_DESCRIPTION =
  "The coordinator (person id) making the change, recorded in the timeline; a signed-in user takes precedence.";

function checkDate(value: string | null | undefined, field: string): string {
  const date = value?.trim() || todayIso();
  if (!isIsoDate(date)) throw new DomainError(ErrorCode.BAD_USER_INPUT, `${field} must be a date written YYYY-MM-DD.`, field);
  return date;
}

/** Proposals until matched: sending a case to a teacher, the answer, and the teachers' digests. */
@Resolver()
export class ProposalResolver {
  @Mutation(() => ProposalRecord, {
    description:
      "Records a case sent to a teacher for a course (QUALIFIED → PROPOSED). Refused within the cooldown for the same case and teacher unless force.",
  })
  @Access("CASE_WORK")
  @Cost("proposeCase")
  async proposeCase(
    @Ctx() ctx: GraphQLContext,
    @Arg("case", () => ID) caseId: string,
    @Arg("teacher", () => ID) teacherId: string,
    @Arg("course", () => ID) courseId: string,
    @Arg("channel", () => InteractionChannel) channel: InteractionChannel,
    @Arg("force", () => Boolean, { defaultValue: false }) force = false,
    @Arg("sentAt", () => String, { nullable: true, description: "ISO instant, for a proposal logged afterwards; default now." })
    sentAt?: string | null,
    @Arg("actor", () => ID, { nullable: true, description: ACTOR_DESCRIPTION }) actor?: string | null,
  ): Promise<ProposalRecord> {
    return proposeCase(
      ctx.db,
      { caseId, teacherId, courseId, channel, force, sentAt: sentAt?.trim() || null },
      await resolveActor(ctx, actor),
      nowIso(),
      matchingSettings(),
    );
  }

  @Mutation(() => ProposalRecord, {
    description: "Records the teacher's answer; DECLINED needs a reason. An expired proposal can no longer be answered.",
  })
  @Access("CASE_WORK")
  @Cost("answerProposal")
  async answerProposal(
    @Ctx() ctx: GraphQLContext,
    @Arg("proposal", () => ID) proposalId: string,
    @Arg("answer", () => ProposalAnswer) answer: ProposalAnswer,
    @Arg("reason", () => String, { nullable: true }) reason?: string | null,
    @Arg("answeredAt", () => String, { nullable: true, description: "ISO instant; default now." }) answeredAt?: string | null,
    @Arg("actor", () => ID, { nullable: true, description: ACTOR_DESCRIPTION }) actor?: string | null,
  ): Promise<ProposalRecord> {
    return answerProposal(
      ctx.db,
      { proposalId, answer, reason: reason ?? null, answeredAt: answeredAt?.trim() || null },
      await resolveActor(ctx, actor),
      nowIso(),
    );
  }

  @Mutation(() => ProposalRecord, {
    description:
      'Confirms a claim of the institution portal (#18: a portal user said "this one is for us" for a course): a QUALIFIED case becomes PROPOSED; the claim stays an INTERESTED answer, to match as usual.',
  })
  @Access("CASE_WORK")
  @Cost("confirmClaim")
  async confirmClaim(
    @Ctx() ctx: GraphQLContext,
    @Arg("proposalId", () => ID) proposalId: string,
    @Arg("actor", () => ID, { nullable: true, description: ACTOR_DESCRIPTION }) actor?: string | null,
  ): Promise<ProposalRecord> {
    return decideClaim(ctx.db, { proposalId, confirm: true, reason: null }, await resolveActor(ctx, actor), nowIso());
  }

  @Mutation(() => ProposalRecord, {
    description: "Declines a claim of the institution portal (#18), with a reason for the claimer; it leaves the to-do list.",
  })
  @Access("CASE_WORK")
  @Cost("declineClaim")
  async declineClaim(
    @Ctx() ctx: GraphQLContext,
    @Arg("proposalId", () => ID) proposalId: string,
    @Arg("reason", () => String) reason: string,
    @Arg("actor", () => ID, { nullable: true, description: ACTOR_DESCRIPTION }) actor?: string | null,
  ): Promise<ProposalRecord> {
    return decideClaim(ctx.db, { proposalId, confirm: false, reason }, await resolveActor(ctx, actor), nowIso());
  }

  @Mutation(() => ProposalRecord, {
    description:
      "Logs a follow-up on an unanswered proposal (a reminder sent, a phone call): not a new proposal, and the cooldown does not move.",
  })
  @Access("CASE_WORK")
  @Cost("logProposalFollowUp")
  async logProposalFollowUp(
    @Ctx() ctx: GraphQLContext,
    @Arg("proposal", () => ID) proposalId: string,
    @Arg("channel", () => InteractionChannel) channel: InteractionChannel,
    @Arg("note", () => String, { nullable: true }) note?: string | null,
    @Arg("at", () => String, { nullable: true, description: "ISO instant, for a follow-up logged afterwards; default now." })
    at?: string | null,
    @Arg("actor", () => ID, { nullable: true, description: ACTOR_DESCRIPTION }) actor?: string | null,
  ): Promise<ProposalRecord> {
    return logProposalFollowUp(
      ctx.db,
      { proposalId, channel, note: note ?? null, at: at?.trim() || null },
      await resolveActor(ctx, actor),
      nowIso(),
    );
  }

  @Query(() => [ProposalRecord], {
    description: "The case's proposals, newest first, each OPEN, ANSWERED, EXPIRED or WITHDRAWN as of now.",
  })
  @Access("CASE_READ")
  @Cost("caseProposals")
  async caseProposals(@Ctx() ctx: GraphQLContext, @Arg("case", () => ID) caseId: string): Promise<ProposalRecord[]> {
    const now = nowIso();
    return ctx.db.readTx((tx) => readProposals(tx, { caseId }, now));
  }

  @Query(() => Digest, {
    description: "A teacher's digest on a date (default today): open fitting cases not yet sent to them, as an e-mail.",
  })
  @Access("CASE_READ")
  @Cost("digest")
  async digest(
    @Ctx() ctx: GraphQLContext,
    @Arg("teacher", () => ID) teacherId: string,
    @Arg("date", () => String, { nullable: true }) date?: string | null,
    @Arg("language", () => Language, { nullable: true, description: "Default: the teacher's language, else NL." })
    language?: Language | null,
  ): Promise<Digest> {
    const day = checkDate(date, "date");
    const now = nowIso();
    return ctx.db.readTx((tx) =>
      buildDigest(tx, { teacherId, date: day, language: language ?? null, now, settings: matchingSettings() }),
    );
  }

  @Query(() => [Digest], { description: "The digests due on a date (default today) that list at least one case." })
  @Access("CASE_READ")
  @Cost("dueDigests")
  async dueDigests(
    @Ctx() ctx: GraphQLContext,
    @Arg("date", () => String, { nullable: true }) date?: string | null,
  ): Promise<Digest[]> {
    const day = checkDate(date, "date");
    const now = nowIso();
    return ctx.db.readTx((tx) => buildDueDigests(tx, { date: day, now, settings: matchingSettings() }));
  }

  @Mutation(() => DigestSent, {
    description:
      "Records a teacher's digest as sent on a date (default today): one EMAIL proposal per listed case (or per case in `cases`) and the send date. One transaction.",
  })
  @Access("CASE_WORK")
  @Cost("markDigestSent")
  async markDigestSent(
    @Ctx() ctx: GraphQLContext,
    @Arg("teacher", () => ID) teacherId: string,
    @Arg("date", () => String, { nullable: true }) date?: string | null,
    @Arg("cases", () => [ID], { nullable: true, description: "Only these of the digest's cases (each must be in it)." })
    cases?: string[] | null,
    @Arg("actor", () => ID, { nullable: true, description: ACTOR_DESCRIPTION }) actor?: string | null,
  ): Promise<DigestSent> {
    return markDigestSent(
      ctx.db,
      { teacherId, date: date ?? null, caseIds: cases ?? null },
      await resolveActor(ctx, actor),
      nowIso(),
      matchingSettings(),
    );
  }
}

import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { Access } from "../../platform/auth/Access.js";
import { resolveActor } from "../../platform/auth/resolve-actor.js";
import { isIsoDate } from "../../platform/clock/check-iso-date.js";
import type { GraphQLContext, Mailer } from "../../platform/graphql/context.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import { Cost } from "../../platform/limits/Cost.js";
import { matchingSettings } from "../suggestions/index.js";
import { runDigestRound } from "./digest-schedule.js";
import { readTodo } from "./read-todo.js";
import { sendDigest, sendProposal } from "./send-mail.js";
import {
  CoordinatorTodo,
  DigestRoundRecord,
  DigestScheduleState,
  SendOutcomeRecord,
  UnreachableTeacher,
} from "./sending-types.js";
import { READ_DIGEST_SCHEDULE, READ_UNREACHABLE_TEACHERS, SET_DIGEST_SCHEDULE_PAUSED } from "./statements.js";

function mailerOf(ctx: GraphQLContext): Mailer {
  if (!ctx.mailer) throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, "Sending mail is not set up in this server.");
  return ctx.mailer;
}

/**
 * Sending digests and proposals by e-mail, the schedule's pause switch, and the coordinator's to-do
 * list (docs/mail.md). The sending mutations commit the message before the attempt to send it and the
 * outcome after it, on the mailer's database (not the request's one transaction), so what went out is
 * always on record.
 */
@Resolver()
export class SendingResolver {
  @Mutation(() => SendOutcomeRecord, {
    description:
      "Sends a teacher's digest now by e-mail (or into the outbox): one EMAIL proposal per case (or per case in `cases`), recorded as sent only when the message went out.",
  })
  @Access("CASE_WORK")
  @Cost("sendDigest")
  async sendDigest(
    @Ctx() ctx: GraphQLContext,
    @Arg("teacher", () => ID) teacherId: string,
    @Arg("cases", () => [ID], { nullable: true, description: "Only these of the digest's cases (each must be in it)." })
    cases?: string[] | null,
  ): Promise<SendOutcomeRecord> {
    const mailer = mailerOf(ctx);
    return sendDigest(
      mailer.db,
      mailer.services,
      { teacherId, date: null, caseIds: cases ?? null },
      await resolveActor(ctx, null),
      matchingSettings(),
    );
  }

  @Mutation(() => SendOutcomeRecord, {
    description: "Proposes one case to a teacher for a course by e-mail, with the answer links (proposeCase's rules).",
  })
  @Access("CASE_WORK")
  @Cost("sendProposal")
  async sendProposal(
    @Ctx() ctx: GraphQLContext,
    @Arg("case", () => ID) caseId: string,
    @Arg("teacher", () => ID) teacherId: string,
    @Arg("course", () => ID) courseId: string,
    @Arg("force", () => Boolean, { defaultValue: false }) force = false,
  ): Promise<SendOutcomeRecord> {
    const mailer = mailerOf(ctx);
    return sendProposal(
      mailer.db,
      mailer.services,
      { caseId, teacherId, courseId, force },
      await resolveActor(ctx, null),
      matchingSettings(),
    );
  }

  @Mutation(() => DigestRoundRecord, {
    description: "Runs the schedule's round now, also outside working hours: due digests, retries, reminders. Not while paused.",
  })
  @Access("CASE_WORK")
  @Cost("sendDueDigests")
  async sendDueDigests(@Ctx() ctx: GraphQLContext): Promise<DigestRoundRecord> {
    const mailer = mailerOf(ctx);
    return runDigestRound(mailer.db, mailer.services, matchingSettings(), {
      force: true,
      actor: await resolveActor(ctx, null),
    });
  }

  @Mutation(() => DigestScheduleState, {
    description: "Pauses (true) or resumes (false) the digest schedule; stored in the graph.",
  })
  @Access("CASE_WORK")
  @Cost("setDigestSchedulePaused")
  async setDigestSchedulePaused(
    @Ctx() ctx: GraphQLContext,
    @Arg("paused", () => Boolean) paused: boolean,
  ): Promise<DigestScheduleState> {
    const actor = await resolveActor(ctx, null);
    await ctx.db.write(SET_DIGEST_SCHEDULE_PAUSED, { paused, now: new Date().toISOString(), by: actor.id });
    return this.digestSchedule(ctx);
  }

  @Query(() => DigestScheduleState, { description: "Whether the digest schedule runs, how it sends, and who cannot be reached." })
  @Access("CASE_READ")
  @Cost("digestSchedule")
  async digestSchedule(@Ctx() ctx: GraphQLContext): Promise<DigestScheduleState> {
    const [row] = await ctx.db.read(READ_DIGEST_SCHEDULE);
    const unreachable = await ctx.db.read(READ_UNREACHABLE_TEACHERS);
    const services = ctx.mailer?.services;
    let lastRun: DigestRoundRecord | null = null;
    try {
      lastRun = row?.lastRunSummary ? (JSON.parse(String(row.lastRunSummary)) as DigestRoundRecord) : null;
    } catch {
      lastRun = null;
    }
    return {
      paused: row?.paused === true,
      changedAt: (row?.changedAt as string | null) ?? null,
      changedBy: (row?.changedBy as string | null) ?? null,
      lastRunAt: (row?.lastRunAt as string | null) ?? null,
      lastRun,
      transport: services?.transport.kind ?? "outbox",
      workingHours: services ? `${services.hours.from}-${services.hours.to}` : "9-17",
      unreachable: unreachable.map((r) => ({
        teacherId: String(r.teacherId),
        teacherName: String(r.teacherName ?? ""),
        why: String(r.why),
      })) satisfies UnreachableTeacher[],
    };
  }

  @Query(() => CoordinatorTodo, {
    description:
      "A coordinator's to-do list: proposals about to expire, answers to act on, follow-ups wanted, failed messages, unreachable teachers, cases waiting longest. Default: the signed-in coordinator.",
  })
  @Access("CASE_READ")
  @Cost("coordinatorTodo")
  async coordinatorTodo(
    @Ctx() ctx: GraphQLContext,
    @Arg("coordinator", () => ID, {
      nullable: true,
      description: "A coordinator's person id; default me (all cases when I am no person).",
    })
    coordinator?: string | null,
    @Arg("now", () => String, { nullable: true, description: "ISO instant the list is for; default now." }) at?: string | null,
    @Arg("everyone", () => Boolean, { defaultValue: false, description: "Every coordinator's cases, not one's own." })
    everyone = false,
  ): Promise<CoordinatorTodo> {
    const actor = await resolveActor(ctx, null);
    const now = at?.trim() || new Date().toISOString();
    if (Number.isNaN(Date.parse(now)) || isIsoDate(now))
      throw new DomainError(ErrorCode.BAD_USER_INPUT, "now must be an ISO date-time with a zone.", "now");
    const who = everyone ? null : coordinator?.trim() || actor.personId;
    return ctx.db.readTx((tx) => readTodo(tx, who, new Date(now).toISOString()));
  }
}

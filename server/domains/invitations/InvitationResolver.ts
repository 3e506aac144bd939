import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { GraphQLContext, Mailer } from "../../platform/graphql/context.js";
import { Access } from "../../platform/auth/Access.js";
import { resolveActor } from "../../platform/auth/resolve-actor.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import { Cost } from "../../platform/limits/Cost.js";
import { log } from "../../platform/log.js";
import { acceptInvitation, LINK_REFUSALS, readInvitation } from "./accept-invitation.js";
import { AcceptedInvitation, InvitationLinkView, InvitationRecord } from "./invitation-types.js";
import { invitePerson } from "./invite-person.js";
import { READ_PERSON_INVITATIONS } from "./statements.js";

function mailerOf(ctx: GraphQLContext): Mailer {
  if (!ctx.mailer) throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, "Sending mail is not set up in this server.");
  return ctx.mailer;
}

/** The throttle's second key: every link from one address counts together (guessing tokens, not one account). */
const ANY_LINK = "invitation-link";

/**
 * The public link pages refuse a caller whose address sent too many bad links, and count each bad link
 * (wrong, expired, used) as a failed sign-in would count (LOGIN_ATTEMPTS_PER_15_MIN per 15 minutes).
 */
async function throttled<T>(ctx: GraphQLContext, work: () => Promise<T>): Promise<T> {
  const throttle = ctx.auth?.invitationThrottle;
  const ip = ctx.ip ?? "unknown";
  const wait = throttle?.retryAfterSeconds(ip, ANY_LINK) ?? 0;
  if (wait > 0)
    throw new DomainError(ErrorCode.TOO_MANY_REQUESTS, `Too many invalid invitation links; try again in ${wait} s.`, "token", {
      retryAfterSeconds: wait,
    });
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError && LINK_REFUSALS.includes(error.code)) throttle?.recordFailure(ip, ANY_LINK);
    throw error;
  }
}

/** Invitations to the portal: a coordinator invites, the person's link creates their account (docs/security.md). */
@Resolver()
export class InvitationResolver {
  @Mutation(() => InvitationRecord, {
    description:
      "Invites a person of the graph to the portal by e-mail (role INSTITUTION_CONTACT or TEACHER, matching their roles in the graph): a pending invitation with a single-use link that expires in 14 days. Earlier pending invitations of the person stop working.",
  })
  @Access("OUTREACH_WORK")
  @Cost("invitePerson")
  async invitePerson(
    @Ctx() ctx: GraphQLContext,
    @Arg("personId", () => ID) personId: string,
    @Arg("email", () => String) email: string,
    @Arg("role", () => String) role: string,
  ): Promise<InvitationRecord> {
    const mailer = mailerOf(ctx);
    const actor = await resolveActor(ctx, null);
    const outcome = await invitePerson(mailer.db, mailer.services, { personId, email, role }, actor);
    log.info("Invitation sent", { invitation: outcome.invitationId, by: actor.id, status: outcome.delivery.status });
    const [record] = (await readInvitations(mailer, personId)).filter((i) => i.id === outcome.invitationId);
    if (!record) throw new DomainError(ErrorCode.NOT_FOUND, "The invitation was not found after it was made.", "personId");
    return record;
  }

  @Query(() => [InvitationRecord], { description: "A person's invitations to the portal, newest first." })
  @Access("OUTREACH_WORK")
  @Cost("invitations")
  async invitations(@Ctx() ctx: GraphQLContext, @Arg("personId", () => ID) personId: string): Promise<InvitationRecord[]> {
    return readInvitations(mailerOf(ctx), personId, ctx);
  }

  @Query(() => InvitationLinkView, {
    description: "What an invitation link is for (no sign-in): LINK_INVALID, LINK_EXPIRED or LINK_USED when it cannot be used.",
  })
  @Access("PUBLIC")
  @Cost("invitationLink")
  async invitationLink(@Ctx() ctx: GraphQLContext, @Arg("token", () => String) token: string): Promise<InvitationLinkView> {
    const mail = mailerOf(ctx).services;
    return throttled(ctx, () => readInvitation(ctx.db, mail.linkKey, token, mail.clock.now()));
  }

  @Mutation(() => AcceptedInvitation, {
    description:
      "Sets the password of an invited person (no sign-in): creates their account, linked to their person with the invitation's role, and uses the link up. LINK_INVALID, LINK_EXPIRED, LINK_USED when it cannot; throttled per address like sign-in.",
  })
  @Access("PUBLIC")
  @Cost("acceptInvitation")
  async acceptInvitation(
    @Ctx() ctx: GraphQLContext,
    @Arg("token", () => String) token: string,
    @Arg("password", () => String) password: string,
  ): Promise<AcceptedInvitation> {
    const mail = mailerOf(ctx).services;
    const accepted = await throttled(ctx, () => acceptInvitation(ctx.db, mail.linkKey, { token, password }, mail.clock.now()));
    log.info("Invitation accepted", { user: accepted.userId });
    return { email: accepted.email, name: accepted.name };
  }
}

async function readInvitations(mailer: Mailer, personId: string, ctx?: GraphQLContext): Promise<InvitationRecord[]> {
  const db = ctx?.db ?? mailer.db;
  const rows = await db.read(READ_PERSON_INVITATIONS, { personId, now: mailer.services.clock.now().toISOString() });
  const text = (v: unknown): string | null => (typeof v === "string" ? v : null);
  return rows.map((r) => ({
    id: String(r.id),
    personId: String(r.personId),
    personName: String(r.personName),
    email: text(r.email),
    role: String(r.role),
    status: String(r.status),
    createdAt: String(r.createdAt),
    expiresAt: String(r.expiresAt),
    acceptedAt: text(r.acceptedAt),
    firstSignInAt: text(r.firstSignInAt),
    invitedById: text(r.invitedById),
    invitedByName: text(r.invitedByName),
    messageId: text(r.messageId),
    messageStatus: text(r.messageStatus),
  }));
}

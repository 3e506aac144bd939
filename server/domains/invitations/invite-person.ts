import { randomUUID } from "node:crypto";
import type { Database } from "../../platform/neo4j/database.js";
import type { MailServices } from "../../platform/mail/mail-services.js";
import type { Actor } from "../../platform/auth/resolve-actor.js";
import { emailPattern } from "../../platform/auth/AuthResolver.js";
import { PORTAL_ROLES, type PortalRole } from "../../platform/auth/roles.js";
import { normaliseEmail } from "../../platform/auth/UserStore.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import { Language } from "../../platform/model/graph-enums.js";
import { deliverMessage, MailKind, queueMessage, type DeliveryOutcome } from "../mail/index.js";
import { signInvitation } from "./invitation-token.js";
import { renderInvitation } from "./render-invitation.js";
import { CREATE_INVITATION, LINK_INVITATION_MESSAGE, READ_INVITEE } from "./statements.js";

/** The roles an invitation can give: the portal's (docs/security.md). */
export const INVITABLE_ROLES = PORTAL_ROLES;
export type InvitableRole = PortalRole;

/** How long an invitation link works. */
export const INVITATION_EXPIRY_DAYS = 14;

export interface InviteOutcome {
  invitationId: string;
  messageId: string;
  personName: string;
  expiresAt: string;
  /** Earlier pending invitations of the person that this one replaced (their links stop working). */
  replaced: number;
  delivery: DeliveryOutcome;
}

export function isInvitableRole(role: string): role is InvitableRole {
  return (INVITABLE_ROLES as readonly string[]).includes(role);
}

/**
 * invitePerson (docs/security.md "Invitations"): checks the person and the role, then in ONE write transaction
 * the pending invitation (earlier pending ones of the person replaced) and its message queued in the outbox;
 * then one attempt to send it, like every message (docs/mail.md: the outcome is recorded in its own
 * transaction, so what went out is on record whatever happens next).
 */
export async function invitePerson(
  db: Database,
  mail: MailServices,
  input: { personId: string; email: string; role: string },
  actor: Actor,
): Promise<InviteOutcome> {
  const role = input.role.trim();
  if (!isInvitableRole(role))
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `The role of an invitation is one of ${INVITABLE_ROLES.join(", ")}.`, "role");
  const email = normaliseEmail(input.email);
  if (email.length > 320 || !emailPattern.test(email))
    throw new DomainError(ErrorCode.BAD_USER_INPUT, "This is not an e-mail address.", "email");
  const now = mail.clock.now();
  const expiresAt = new Date(now.getTime() + INVITATION_EXPIRY_DAYS * 86_400_000).toISOString();

  const queued = await db.writeTx(async (tx) => {
    const invitee = (await tx.run(READ_INVITEE, { personId: input.personId, email, invitedBy: actor.personId }))[0];
    if (!invitee) throw new DomainError(ErrorCode.NOT_FOUND, `No person with id ${input.personId}.`, "personId");
    const personName = String(invitee.name);
    if (role === "TEACHER" && invitee.teaches !== true)
      throw new DomainError(
        ErrorCode.BAD_USER_INPUT,
        `${personName} teaches no course: invite them as a teacher once they do.`,
        "role",
      );
    if (role === "INSTITUTION_CONTACT" && invitee.institutionRole !== true)
      throw new DomainError(
        ErrorCode.BAD_USER_INPUT,
        `${personName} coordinates or directs no programme and is no dean or board member of an institution.`,
        "role",
      );
    if (typeof invitee.linkedEmail === "string")
      throw new DomainError(ErrorCode.CONFLICT, `${personName} has an account already (${invitee.linkedEmail}).`, "personId");
    if (invitee.emailTaken) throw new DomainError(ErrorCode.CONFLICT, "An account with this e-mail exists already.", "email");
    if (actor.personId === input.personId)
      throw new DomainError(ErrorCode.BAD_USER_INPUT, "You cannot invite yourself.", "personId");

    const language = invitee.language === Language.EN ? Language.EN : Language.NL;
    const id = randomUUID();
    const created = await tx.run(CREATE_INVITATION, {
      id,
      personId: input.personId,
      email,
      role,
      language,
      now: now.toISOString(),
      expiresAt,
      account: actor.personId ? null : actor.id,
      invitedBy: actor.personId,
    });
    const token = await signInvitation(mail.linkKey, { invitationId: id, personId: input.personId, language }, expiresAt, now);
    const text = renderInvitation({
      personName,
      inviterName: typeof invitee.inviterName === "string" ? invitee.inviterName : null,
      role,
      link: `${mail.publicUrl}invite/${token}`,
      expiresOn: expiresAt.slice(0, 10),
      language,
    });
    const messageId = await queueMessage(
      tx,
      mail,
      {
        kind: MailKind.INVITATION,
        personId: input.personId,
        to: email,
        toName: personName,
        subject: text.subject,
        text: text.body,
        html: text.html,
        language,
      },
      now.toISOString(),
    );
    await tx.run(LINK_INVITATION_MESSAGE, { id, messageId });
    return { invitationId: id, messageId, personName, replaced: Number(created[0]?.replaced ?? 0) };
  });
  const delivery = await deliverMessage(db, mail, queued.messageId);
  return { ...queued, expiresAt, delivery };
}

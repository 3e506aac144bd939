import type { Database, Tx } from "../../platform/neo4j/database.js";
import { checkNewPassword } from "../../platform/auth/hash-password.js";
import { isRole } from "../../platform/auth/roles.js";
import { UserStore } from "../../platform/auth/UserStore.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import { Language } from "../../platform/model/graph-enums.js";
import { verifyInvitation, type InvitationClaim } from "./invitation-token.js";
import { LOCK_INVITATION, MARK_INVITATION_ACCEPTED, READ_INVITATION } from "./statements.js";

export interface InvitationView {
  personName: string;
  email: string;
  role: string;
  language: Language;
  expiresAt: string;
}

/** Refusals of the link itself (LINK_*): the resolver counts them against the caller's address, as failed sign-ins. */
export const LINK_REFUSALS: readonly ErrorCode[] = [ErrorCode.LINK_INVALID, ErrorCode.LINK_EXPIRED, ErrorCode.LINK_USED];

const refused = (code: ErrorCode, message: string): DomainError => new DomainError(code, message, "token");

async function checkToken(key: Uint8Array, token: string, now: Date): Promise<InvitationClaim> {
  const checked = await verifyInvitation(key, token, now);
  if (checked.ok) return checked.claim;
  if (checked.reason === "EXPIRED") throw refused(ErrorCode.LINK_EXPIRED, "This invitation has expired; ask for a new one.");
  throw refused(ErrorCode.LINK_INVALID, "This is not a valid invitation link.");
}

function checkState(row: Record<string, unknown> | undefined, now: Date): InvitationView {
  // A signed token whose invitation is gone (the person erased) is no invitation any more.
  if (!row) throw refused(ErrorCode.LINK_INVALID, "This is not a valid invitation link.");
  if (row.status === "ACCEPTED") throw refused(ErrorCode.LINK_USED, "This invitation has been used already; sign in instead.");
  if (row.status === "REPLACED")
    throw refused(ErrorCode.LINK_EXPIRED, "A newer invitation replaced this one; use the link of the newest message.");
  if (row.status !== "PENDING" || Date.parse(String(row.expiresAt)) <= now.getTime())
    throw refused(ErrorCode.LINK_EXPIRED, "This invitation has expired; ask for a new one.");
  return {
    personName: String(row.personName),
    email: String(row.email),
    role: String(row.role),
    language: row.language === Language.EN ? Language.EN : Language.NL,
    expiresAt: String(row.expiresAt),
  };
}

/** What the invitation page shows: whose invitation, for which address. Changes nothing. */
export async function readInvitation(db: Database, key: Uint8Array, token: string, now: Date): Promise<InvitationView> {
  const claim = await checkToken(key, token, now);
  const rows = await db.read(READ_INVITATION, { id: claim.invitationId, personId: claim.personId });
  return checkState(rows[0], now);
}

/**
 * acceptInvitation (docs/security.md "Invitations"): the link checked (signature, audience, expiry), the
 * invitation locked and checked (pending, not expired, not used, not replaced), the password checked by the
 * sign-in rules, and the account created — linked to the person, with the invitation's role — and the
 * invitation marked ACCEPTED, all in the caller's one transaction (`db` is the request's). A second use waits
 * for the lock and finds it ACCEPTED.
 */
export async function acceptInvitation(
  db: Database,
  key: Uint8Array,
  input: { token: string; password: string },
  now: Date,
): Promise<{ userId: string; email: string; name: string }> {
  const claim = await checkToken(key, input.token, now);
  const problem = checkNewPassword(input.password);
  if (problem) throw new DomainError(ErrorCode.BAD_USER_INPUT, problem, "password");
  const view = await db.writeTx(async (tx: Tx) =>
    checkState((await tx.run(LOCK_INVITATION, { id: claim.invitationId, personId: claim.personId }))[0], now),
  );
  if (!isRole(view.role)) throw new DomainError(ErrorCode.CONFLICT, `This server does not know the role ${view.role}.`, "token");
  const store = new UserStore(db);
  if (await store.findByEmail(view.email))
    throw new DomainError(ErrorCode.CONFLICT, "An account with this e-mail exists already; sign in instead.", "token");
  await store.checkPersonLinkable(claim.personId);
  const account = await store.create({
    email: view.email,
    name: view.personName,
    password: input.password,
    roles: [view.role],
    personId: claim.personId,
  });
  await db.writeTx((tx) =>
    tx.run(MARK_INVITATION_ACCEPTED, { id: claim.invitationId, now: now.toISOString(), userId: account.id }),
  );
  return { userId: account.id, email: account.email, name: account.name };
}

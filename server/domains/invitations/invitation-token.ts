import { errors, jwtVerify, SignJWT } from "jose";
import { Language } from "../../platform/model/graph-enums.js";

/**
 * The invitation link (docs/security.md "Invitations"): a JWT (HS256) signed with the mail link key, like an
 * answer link, but with its own audience — a sign-in token or an answer link is never an invitation, nor the
 * reverse. Bound to one invitation (`jti`) and its person (`sub`); it expires with the invitation. Single use is
 * the invitation's state in the graph (ACCEPTED), not the token's.
 */
export const INVITATION_ISSUER = "werkplaats-broker";
export const INVITATION_AUDIENCE = "werkplaats-invitation";

export interface InvitationClaim {
  invitationId: string;
  personId: string;
  language: Language;
}

export async function signInvitation(key: Uint8Array, claim: InvitationClaim, expiresAt: string, now: Date): Promise<string> {
  return new SignJWT({ lng: claim.language })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(claim.personId)
    .setIssuer(INVITATION_ISSUER)
    .setAudience(INVITATION_AUDIENCE)
    .setJti(claim.invitationId)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(Math.floor(Date.parse(expiresAt) / 1000))
    .sign(key);
}

export type InvitationCheck = { ok: true; claim: InvitationClaim } | { ok: false; reason: "EXPIRED" | "INVALID" };

/** Checks the signature, audience, issuer and expiry at `now`; anything else wrong is INVALID. */
export async function verifyInvitation(key: Uint8Array, token: string, now: Date): Promise<InvitationCheck> {
  if (token.length > 2000) return { ok: false, reason: "INVALID" };
  try {
    const { payload } = await jwtVerify(token, key, {
      issuer: INVITATION_ISSUER,
      audience: INVITATION_AUDIENCE,
      algorithms: ["HS256"],
      currentDate: now,
      requiredClaims: ["exp", "sub", "jti"],
    });
    if (!payload.sub || !payload.jti) return { ok: false, reason: "INVALID" };
    return {
      ok: true,
      claim: {
        invitationId: payload.jti,
        personId: payload.sub,
        language: payload.lng === Language.EN ? Language.EN : Language.NL,
      },
    };
  } catch (error) {
    return { ok: false, reason: error instanceof errors.JWTExpired ? "EXPIRED" : "INVALID" };
  }
}

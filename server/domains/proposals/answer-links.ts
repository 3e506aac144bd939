import { randomUUID } from "node:crypto";
import { errors, jwtVerify, SignJWT } from "jose";
import { Language, ProposalAnswer } from "../../platform/model/graph-enums.js";
import type { AnswerLinks } from "./render-digest.js";

/**
 * The answer links in messages (docs/mail.md, "Answer links"): a JWT signed with the link key
 * (HS256), bound to one proposal and its teacher, naming the answer, expiring when the proposal does.
 * Its own audience, so a link is never a sign-in token and a sign-in token never a link.
 */
export const LINK_ISSUER = "werkplaats-broker";
export const LINK_AUDIENCE = "werkplaats-answer-link";

export interface AnswerClaim {
  proposalId: string;
  teacherId: string;
  answer: ProposalAnswer;
  language: Language;
  /** The link's own id, recorded on the proposal when used. */
  linkId: string;
}

export async function signAnswerLink(
  key: Uint8Array,
  claim: Omit<AnswerClaim, "linkId">,
  expiresAt: string,
  now: Date,
): Promise<string> {
  return new SignJWT({ pid: claim.proposalId, ans: claim.answer, lng: claim.language })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(claim.teacherId)
    .setIssuer(LINK_ISSUER)
    .setAudience(LINK_AUDIENCE)
    .setJti(randomUUID())
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(Math.floor(Date.parse(expiresAt) / 1000))
    .sign(key);
}

/** The three links of one proposal, under `publicUrl` (ending in "/"). */
export async function answerLinksFor(
  input: { key: Uint8Array; publicUrl: string; proposalId: string; teacherId: string; language: Language; expiresAt: string },
  now: Date,
): Promise<AnswerLinks> {
  const link = async (answer: ProposalAnswer) =>
    `${input.publicUrl}answer/${await signAnswerLink(
      input.key,
      { proposalId: input.proposalId, teacherId: input.teacherId, answer, language: input.language },
      input.expiresAt,
      now,
    )}`;
  return {
    interested: await link(ProposalAnswer.INTERESTED),
    notNow: await link(ProposalAnswer.NOT_NOW),
    declined: await link(ProposalAnswer.DECLINED),
  };
}

export type LinkCheck = { ok: true; claim: AnswerClaim } | { ok: false; reason: "EXPIRED" | "INVALID" };

/** Checks a link's signature, audience and expiry at `now`; anything else wrong with it is INVALID. */
export async function verifyAnswerLink(key: Uint8Array, token: string, now: Date): Promise<LinkCheck> {
  try {
    const { payload } = await jwtVerify(token, key, {
      issuer: LINK_ISSUER,
      audience: LINK_AUDIENCE,
      algorithms: ["HS256"],
      currentDate: now,
      requiredClaims: ["exp", "sub", "jti"],
    });
    const answer = Object.values(ProposalAnswer).find((a) => a === payload.ans);
    if (typeof payload.pid !== "string" || !answer || !payload.sub || !payload.jti) return { ok: false, reason: "INVALID" };
    return {
      ok: true,
      claim: {
        proposalId: payload.pid,
        teacherId: payload.sub,
        answer,
        language: payload.lng === Language.EN ? Language.EN : Language.NL,
        linkId: payload.jti,
      },
    };
  } catch (error) {
    return { ok: false, reason: error instanceof errors.JWTExpired ? "EXPIRED" : "INVALID" };
  }
}

/** The language a link asks for, also of one that fails its check (its payload is read unverified, for the page only). */
export function linkLanguage(token: string): Language {
  try {
    const payload = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")) as { lng?: unknown };
    return payload.lng === Language.EN ? Language.EN : Language.NL;
  } catch {
    return Language.NL;
  }
}

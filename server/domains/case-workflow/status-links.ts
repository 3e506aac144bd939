import { randomUUID } from "node:crypto";
import { errors, jwtVerify, SignJWT } from "jose";
import { Language } from "../../platform/model/graph-enums.js";

/**
 * The two signed tokens of the public question form (docs/security.md "The public question form"), signed
 * like the answer links (HS256 with the link key, jose) but each with an audience of its own, so none of
 * the three is ever accepted as another: a status link is not an answer link, nor the reverse, nor a form token.
 *
 * - The form token: made when the form opens; a submission needs one at least PUBLIC_FORM_MIN_FILL_SECONDS old
 *   (people take longer than that to fill in a form; scripts do not) and at most a day old.
 * - The status link: `PUBLIC_URL/status/<token>`, read-only, bound to one case, for a year.
 */
export const STATUS_ISSUER = "werkplaats-broker";
export const STATUS_AUDIENCE = "werkplaats-case-status";
export const FORM_AUDIENCE = "werkplaats-question-form";
const FORM_TTL_SECONDS = 24 * 60 * 60;
const STATUS_TTL_SECONDS = 365 * 24 * 60 * 60;

function seconds(now: Date): number {
  return Math.floor(now.getTime() / 1000);
}

export async function signFormToken(key: Uint8Array, now: Date): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(STATUS_ISSUER)
    .setAudience(FORM_AUDIENCE)
    .setJti(randomUUID())
    .setIssuedAt(seconds(now))
    .setExpirationTime(seconds(now) + FORM_TTL_SECONDS)
    .sign(key);
}

export type FormTokenCheck = { ok: true; ageSeconds: number } | { ok: false; reason: "EXPIRED" | "INVALID" };

export async function verifyFormToken(key: Uint8Array, token: string, now: Date): Promise<FormTokenCheck> {
  try {
    const { payload } = await jwtVerify(token, key, {
      issuer: STATUS_ISSUER,
      audience: FORM_AUDIENCE,
      algorithms: ["HS256"],
      currentDate: now,
      requiredClaims: ["iat", "exp", "jti"],
    });
    return { ok: true, ageSeconds: seconds(now) - Number(payload.iat) };
  } catch (error) {
    return { ok: false, reason: error instanceof errors.JWTExpired ? "EXPIRED" : "INVALID" };
  }
}

export async function signStatusLink(key: Uint8Array, caseId: string, language: Language, now: Date): Promise<string> {
  return new SignJWT({ lng: language })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(caseId)
    .setIssuer(STATUS_ISSUER)
    .setAudience(STATUS_AUDIENCE)
    .setJti(randomUUID())
    .setIssuedAt(seconds(now))
    .setExpirationTime(seconds(now) + STATUS_TTL_SECONDS)
    .sign(key);
}

export type StatusLinkCheck = { ok: true; caseId: string; language: Language } | { ok: false; reason: "EXPIRED" | "INVALID" };

export async function verifyStatusLink(key: Uint8Array, token: string, now: Date): Promise<StatusLinkCheck> {
  try {
    const { payload } = await jwtVerify(token, key, {
      issuer: STATUS_ISSUER,
      audience: STATUS_AUDIENCE,
      algorithms: ["HS256"],
      currentDate: now,
      requiredClaims: ["exp", "sub", "jti"],
    });
    if (!payload.sub) return { ok: false, reason: "INVALID" };
    return { ok: true, caseId: payload.sub, language: payload.lng === Language.EN ? Language.EN : Language.NL };
  } catch (error) {
    return { ok: false, reason: error instanceof errors.JWTExpired ? "EXPIRED" : "INVALID" };
  }
}

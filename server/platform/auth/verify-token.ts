import { jwtVerify, type JWTPayload } from "jose";
import type { Config } from "../config.js";
import { BoundedCache } from "../graphql/bounded-cache.js";
import { isRole, type RequestUser } from "./roles.js";
import { signingKey, TOKEN_AUDIENCE, TOKEN_ISSUER } from "./sign-token.js";

export type TokenProblem = "MISSING" | "MALFORMED" | "INVALID" | "EXPIRED" | "ISSUED_IN_FUTURE";

/** How far the clocks of whoever signed and whoever checks may differ: 30 s (for `exp`, `nbf` and `iat`). */
export const CLOCK_SKEW_SECONDS = 30;

export type TokenCheck =
  | { ok: true; user: RequestUser; payload: JWTPayload & { roles: string[] }; tokenVersion: number }
  | { ok: false; problem: TokenProblem };

/**
 * Tokens whose signature, algorithm, issuer, audience and claims were verified, by their exact text and the secret
 * they were verified with (#19 part 3: the HMAC and jose's checks were 2 % of the API thread's time in the board's
 * 32-client profile, every request of a session sending the same token). The time checks — `exp` and `nbf` as jose
 * makes them, with the same tolerance, and `iat` not in the future — are made again on every request, so a kept
 * token expires exactly when a verified one would; only what cannot change for the same text and secret is kept.
 * Refusals are not kept. Whether the account still holds the token is asked per request after this (AccountStates).
 */
const verifiedTokens = new BoundedCache<string, { secret: string; payload: JWTPayload }>(1_000);

/** jose's own time checks (jwt_claims_set.js), with CLOCK_SKEW_SECONDS: the kept token is refused exactly when jose would. */
function timeProblem(payload: JWTPayload): TokenProblem | undefined {
  const now = Math.floor(Date.now() / 1000);
  if (typeof payload.nbf === "number" && payload.nbf > now + CLOCK_SKEW_SECONDS) return "INVALID";
  if (typeof payload.exp === "number" && payload.exp <= now - CLOCK_SKEW_SECONDS) return "EXPIRED";
  return undefined;
}

/**
 * Reads `Authorization: Bearer <jwt>` and verifies it: HS256 only (no "none", no key confusion),
 * our issuer and audience, not expired, not issued in the future (both with CLOCK_SKEW_SECONDS of
 * tolerance: a token "issued" later than now was not issued by this server's clock), roles we know.
 * Whether the account still exists and holds the token's version and roles is checked next, per
 * request (authenticate-request.ts with AccountStates).
 */
export async function verifyToken(
  config: Pick<Config, "JWT_SECRET" | "NODE_ENV">,
  authorization: string | undefined,
): Promise<TokenCheck> {
  if (!authorization) return { ok: false, problem: "MISSING" };
  const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/.exec(authorization.trim());
  if (!match?.[1]) return { ok: false, problem: "MALFORMED" };
  const token = match[1];
  try {
    // Only a configured JWT_SECRET is a key to keep by: the process's own random secret (tests, no JWT_SECRET) is not.
    const secret = config.JWT_SECRET;
    const kept = secret ? verifiedTokens.get(token) : undefined;
    let payload: JWTPayload;
    if (kept && kept.secret === secret) {
      const problem = timeProblem(kept.payload);
      if (problem) return { ok: false, problem };
      payload = kept.payload;
    } else {
      ({ payload } = await jwtVerify(token, signingKey(config), {
        algorithms: ["HS256"],
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
        clockTolerance: CLOCK_SKEW_SECONDS,
        requiredClaims: ["sub", "exp", "iat"],
      }));
      if (secret) verifiedTokens.set(token, { secret, payload });
    }
    if (typeof payload.iat !== "number" || payload.iat > Date.now() / 1000 + CLOCK_SKEW_SECONDS) {
      return { ok: false, problem: "ISSUED_IN_FUTURE" };
    }
    const roles = Array.isArray(payload.roles) ? payload.roles.filter(isRole) : [];
    if (!payload.sub || roles.length === 0) return { ok: false, problem: "INVALID" };
    // Tokens signed before versions existed carry none: version 0, what an account starts with.
    const tokenVersion = payload.ver === undefined ? 0 : payload.ver;
    if (typeof tokenVersion !== "number" || !Number.isSafeInteger(tokenVersion)) return { ok: false, problem: "INVALID" };
    const personId = typeof payload.personId === "string" ? payload.personId : undefined;
    return {
      ok: true,
      user: { id: payload.sub, roles, ...(personId ? { personId } : {}) },
      payload: { ...payload, roles },
      tokenVersion,
    };
  } catch (error) {
    const code = (error as { code?: string }).code;
    return { ok: false, problem: code === "ERR_JWT_EXPIRED" ? "EXPIRED" : "INVALID" };
  }
}

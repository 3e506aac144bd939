import { jwtVerify, type JWTPayload } from "jose";
import type { Config } from "../config.js";
import { isRole, type RequestUser } from "./roles.js";
import { signingKey, TOKEN_AUDIENCE, TOKEN_ISSUER } from "./sign-token.js";

export type TokenProblem = "MISSING" | "MALFORMED" | "INVALID" | "EXPIRED";

export type TokenCheck =
  { ok: true; user: RequestUser; payload: JWTPayload & { roles: string[] } } | { ok: false; problem: TokenProblem };

/**
 * Reads `Authorization: Bearer <jwt>` and verifies it: HS256 only (no "none", no key confusion),
 * our issuer and audience, not expired (30 s clock tolerance), roles we know.
 */
export async function verifyToken(
  config: Pick<Config, "JWT_SECRET" | "NODE_ENV">,
  authorization: string | undefined,
): Promise<TokenCheck> {
  if (!authorization) return { ok: false, problem: "MISSING" };
  const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/.exec(authorization.trim());
  if (!match?.[1]) return { ok: false, problem: "MALFORMED" };
  try {
    const { payload } = await jwtVerify(match[1], signingKey(config), {
      algorithms: ["HS256"],
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      clockTolerance: 30,
      requiredClaims: ["sub", "exp", "iat"],
    });
    const roles = Array.isArray(payload.roles) ? payload.roles.filter(isRole) : [];
    if (!payload.sub || roles.length === 0) return { ok: false, problem: "INVALID" };
    const personId = typeof payload.personId === "string" ? payload.personId : undefined;
    return {
      ok: true,
      user: { id: payload.sub, roles, ...(personId ? { personId } : {}) },
      payload: { ...payload, roles },
    };
  } catch (error) {
    const code = (error as { code?: string }).code;
    return { ok: false, problem: code === "ERR_JWT_EXPIRED" ? "EXPIRED" : "INVALID" };
  }
}

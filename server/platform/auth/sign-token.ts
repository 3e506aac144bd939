import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SignJWT } from "jose";
import type { Config } from "../config.js";
import { log } from "../log.js";
import type { RequestUser } from "./roles.js";

/** The issuer and audience every token carries and every check demands. */
export const TOKEN_ISSUER = "werkplaats-broker";
export const TOKEN_AUDIENCE = "werkplaats-broker-api";

let processSecret: Uint8Array | undefined;

/**
 * The HS256 key: JWT_SECRET; else in development a random secret made once and kept in DEV_SECRET_FILE
 * (mode 0600), so a restart of the demo keeps sign-ins and the links already e-mailed (answer links,
 * invitations, status links) valid; in tests a random secret per process. Production refuses to start
 * without JWT_SECRET (config.ts).
 */
export function signingKey(
  config: Pick<Config, "JWT_SECRET" | "NODE_ENV"> & Partial<Pick<Config, "DEV_SECRET_FILE">>,
): Uint8Array {
  if (config.JWT_SECRET) return new TextEncoder().encode(config.JWT_SECRET);
  if (!processSecret) {
    processSecret =
      config.NODE_ENV === "development" && config.DEV_SECRET_FILE
        ? keptSecret(config.DEV_SECRET_FILE)
        : new Uint8Array(randomBytes(48));
  }
  return processSecret;
}

/** The secret in `file`, made (48 random bytes, owner-only) when there is none or it is unreadable. */
export function keptSecret(file: string): Uint8Array {
  try {
    const kept = readFileSync(file);
    if (kept.length >= 32) return new Uint8Array(kept);
  } catch {
    // No secret yet: made below.
  }
  const secret = randomBytes(48);
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, secret, { mode: 0o600 });
    chmodSync(file, 0o600);
    log.warn(`JWT_SECRET is not set: sign-in tokens and e-mailed links are signed with a development secret kept in ${file}.`);
  } catch (error) {
    log.warn(
      `JWT_SECRET is not set and ${file} cannot be written (${(error as Error).message}): tokens and links end when this process stops.`,
    );
  }
  return new Uint8Array(secret);
}

/** "8h" → seconds. */
export function ttlSeconds(ttl: string): number {
  const match = /^(\d+)([smhd])$/.exec(ttl);
  if (!match) throw new Error(`Not a duration: ${ttl}`);
  const unit = { s: 1, m: 60, h: 3600, d: 86_400 }[match[2] as "s" | "m" | "h" | "d"];
  return Number(match[1]) * unit;
}

export interface SignedToken {
  token: string;
  expiresAt: string;
}

/**
 * A signed JWT for the user: subject = user id, `roles` as @neo4j/graphql's rules read them, and
 * `ver`, the account's token version when signed: a token of an older version is refused
 * (AccountStates), which is how a new password, a change of roles or "sign out everywhere" ends it.
 */
export async function signToken(
  config: Pick<Config, "JWT_SECRET" | "JWT_TTL" | "NODE_ENV">,
  user: RequestUser,
  tokenVersion = 0,
): Promise<SignedToken> {
  const now = Math.floor(Date.now() / 1000);
  const exp = now + ttlSeconds(config.JWT_TTL);
  const token = await new SignJWT({
    roles: user.roles,
    ver: tokenVersion,
    ...(user.personId ? { personId: user.personId } : {}),
  })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(user.id)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(exp)
    .sign(signingKey(config));
  return { token, expiresAt: new Date(exp * 1000).toISOString() };
}

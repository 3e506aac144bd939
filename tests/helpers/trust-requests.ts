import type { Role } from "../../server/platform/auth/roles.js";
import { SignJWT } from "jose";
import { signingKey, signToken, TOKEN_AUDIENCE, TOKEN_ISSUER } from "../../server/platform/auth/sign-token.js";
import { loadConfig } from "../../server/platform/config.js";
import { noteTestAccount } from "./test-accounts.js";

/** Raw HTTP to /graphql for the trust tests (auth, limits, bad input): status, body and headers. */
export interface RawResponse {
  status: number;
  headers: Headers;
  body: {
    data?: Record<string, unknown> | null;
    errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
  } & Record<string, unknown>;
  text: string;
}

export async function postRaw(url: string, body: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const response = await fetch(`${url}graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
  const text = await response.text();
  let parsed: RawResponse["body"] = {};
  try {
    parsed = JSON.parse(text) as RawResponse["body"];
  } catch {
    parsed = {};
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

export async function gql(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  token?: string,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  return postRaw(url, JSON.stringify({ query, variables }), {
    ...(token ? { authorization: `Bearer ${token}` } : {}),
    ...headers,
  });
}

/**
 * A token for a (possibly non-existent) user with these roles, signed with this process's test secret.
 * Servers started with `accounts: testAccounts` (startTestServer does) accept it without a (:User) node.
 */
export async function tokenFor(
  roles: Role[],
  id = `test-${roles.join("-").toLowerCase()}`,
  env: Record<string, string> = {},
): Promise<string> {
  const config = loadConfig({ NODE_ENV: "test", ...env });
  noteTestAccount(id);
  return (await signToken(config, { id, roles })).token;
}

/**
 * A token signed with this process's test secret, claims as given, for an account the test servers
 * know only if it is in the graph (not noted as a test account): for the per-request account checks.
 */
export async function craftToken(claims: { id: string; roles: Role[]; issuedAt?: number; version?: number }): Promise<string> {
  const iat = claims.issuedAt ?? Math.floor(Date.now() / 1000);
  return new SignJWT({ roles: claims.roles, ver: claims.version ?? 0 })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(claims.id)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + 3600)
    .sign(signingKey(loadConfig({ NODE_ENV: "test" })));
}

/** The first error's code, or undefined. */
export function codeOf(response: RawResponse): string | undefined {
  return response.body.errors?.[0]?.extensions?.code as string | undefined;
}

import type { Role } from "../../server/platform/auth/roles.js";
import { signToken } from "../../server/platform/auth/sign-token.js";
import { loadConfig } from "../../server/platform/config.js";

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

/** A token for a (possibly non-existent) user with these roles, signed with this process's test secret. */
export async function tokenFor(
  roles: Role[],
  id = `test-${roles.join("-").toLowerCase()}`,
  env: Record<string, string> = {},
): Promise<string> {
  const config = loadConfig({ NODE_ENV: "test", ...env });
  return (await signToken(config, { id, roles })).token;
}

/** The first error's code, or undefined. */
export function codeOf(response: RawResponse): string | undefined {
  return response.body.errors?.[0]?.extensions?.code as string | undefined;
}

import { cacheExchange, Client, fetchExchange, mapExchange } from "urql";
import { authStore } from "./authStore";
import { connectionStore } from "./connectionStore";

/** Error codes the server puts in `extensions.code` when its database cannot be reached. */
const databaseDownCodes = new Set(["SERVICE_UNAVAILABLE", "DATABASE_UNAVAILABLE"]);

/**
 * The one urql client. Exchanges, in order:
 * - mapExchange watches every result: UNAUTHENTICATED sends the user to the login page, a
 *   database-unavailable code shows the banner.
 * - cacheExchange is urql's document cache: a query's result is cached by the query and its
 *   variables, and a mutation invalidates every cached result that holds one of the types it
 *   returned (pages add `additionalTypenames` where a mutation returns another type). The
 *   normalised graphcache would need a key per result type of APIs still growing; not worth it yet.
 * - fetchExchange posts to /graphql on the same origin (the server serves the client; in dev,
 *   Vite proxies /graphql). Its fetch reports to the connection store whether the server was reached:
 *   watching the fetch (not the results) keeps cached answers from hiding a lost connection.
 */
export function createClient(): Client {
  return new Client({
    url: "/graphql",
    requestPolicy: "cache-and-network",
    // Always POST with a JSON body: Apollo's CSRF prevention refuses GETs without a preflight header.
    preferGetMethod: false,
    fetch: watchedFetch,
    // The sign-in is the HttpOnly session cookie (authStore.ts): sent by the browser, never touched here.
    fetchOptions: { credentials: "same-origin" },
    exchanges: [
      mapExchange({
        onResult(result) {
          const codes = result.error?.graphQLErrors.map((e) => e.extensions?.code) ?? [];
          if (codes.some((c) => typeof c === "string" && databaseDownCodes.has(c))) connectionStore.databaseDown();
          if (codes.includes("UNAUTHENTICATED")) authStore.unauthenticated();
        },
      }),
      cacheExchange,
      fetchExchange,
    ],
  });
}

/** fetch, telling the connection store whether the server answered at all. */
async function watchedFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  try {
    const response = await fetch(input, init);
    // A proxy in front of a stopped server (Vite in dev) answers 502/504 itself.
    if (response.status === 502 || response.status === 504) connectionStore.unreachable();
    else connectionStore.reached();
    return response;
  } catch (error) {
    connectionStore.unreachable();
    throw error;
  }
}

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../../server/platform/auth/session-cookie.js";
import { UserStore } from "../../server/platform/auth/UserStore.js";
import type { Database } from "../../server/platform/neo4j/database.js";
import { connectTestDatabase, ownScope, type OwnScope } from "../helpers/neo4j.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { gql, type RawResponse } from "../helpers/trust-requests.js";

/**
 * The browser's session (issue #17 part 5; server/platform/auth/session-cookie.ts): login sets an HttpOnly,
 * SameSite=Strict cookie that signs in every later request (every tab), signOut clears it, signOutEverywhere
 * ends it with every token, and a cookie that no longer holds is cleared without standing in the way of
 * signing in again. Real (:User) nodes of this file only.
 */
let db: Database;
let scope: OwnScope;
let server: TestServer;
let url: string;

const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;
const password = "a long enough password";
const email = (name: string) => `${scope.prefix}${name}@cookie.test`;

function setCookies(response: RawResponse): string[] {
  return response.headers.getSetCookie().filter((c) => c.startsWith(`${SESSION_COOKIE}=`));
}

/** The cookie as a browser would send it back. */
function cookieHeader(response: RawResponse): Record<string, string> {
  const value = setCookies(response)[0]?.split(";")[0] ?? "";
  return { cookie: value };
}

beforeAll(async () => {
  db = await connectTestDatabase();
  scope = await ownScope(db);
  server = await startTestServer(db, { roles: null, realAccounts: true });
  url = server.http.url;
  const store = new UserStore(db);
  await store.ensureConstraints();
  await store.create({ email: email("fleur"), name: "Fleur", password, roles: ["COORDINATOR"] });
});

afterAll(async () => {
  await db?.write("MATCH (u:User) WHERE u.email STARTS WITH $prefix DETACH DELETE u", { prefix: scope?.prefix ?? "-" });
  await scope?.clean();
  await server?.http.close();
  await db?.close();
});

describe("the browser's session cookie", () => {
  it("is set by login as HttpOnly, SameSite=Strict, for /graphql, expiring with the token", async () => {
    const login = await gql(url, LOGIN, { email: email("fleur"), password });
    const [cookie] = setCookies(login);
    expect(cookie).toMatch(/; Path=\/graphql; Max-Age=\d+; HttpOnly; SameSite=Strict$/);
    const maxAge = Number(/Max-Age=(\d+)/.exec(cookie ?? "")?.[1]);
    expect(maxAge).toBeGreaterThan(8 * 3600 - 60);
    expect(maxAge).toBeLessThanOrEqual(8 * 3600);
    // A wrong password sets none.
    expect(setCookies(await gql(url, LOGIN, { email: email("fleur"), password: "not the password at all" }))).toEqual([]);
  });

  it("signs in a request that carries only the cookie (a new tab), until signOut clears it", async () => {
    const login = await gql(url, LOGIN, { email: email("fleur"), password });
    const tab = cookieHeader(login);
    const me = await gql(url, "{ me { name roles } }", undefined, undefined, tab);
    expect(me.body.data?.me).toEqual({ name: "Fleur", roles: ["COORDINATOR"] });

    const out = await gql(url, "mutation { signOut }", undefined, undefined, tab);
    expect(out.body.data?.signOut).toBe(true);
    expect(setCookies(out)[0]).toMatch(/^werkplaats_session=; Path=\/graphql; Max-Age=0; HttpOnly; SameSite=Strict/);
    // Without a cookie the next request is anonymous.
    const after = await gql(url, "{ me { name } }");
    expect(after.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("ends with signOutEverywhere: the old cookie is then anonymous and cleared, and login still works with it", async () => {
    const login = await gql(url, LOGIN, { email: email("fleur"), password });
    const tab = cookieHeader(login);
    const everywhere = await gql(url, "mutation { signOutEverywhere }", undefined, undefined, tab);
    expect(everywhere.body.data?.signOutEverywhere).toBe(true);
    expect(setCookies(everywhere)[0]).toMatch(/Max-Age=0/);

    // A copy of the old cookie: not a 401 (that would block signing in), but anonymous, and told to go.
    const stale = await gql(url, "{ me { name } }", undefined, undefined, tab);
    expect(stale.status).toBe(200);
    expect(stale.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(setCookies(stale)[0]).toMatch(/Max-Age=0/);
    const again = await gql(url, LOGIN, { email: email("fleur"), password }, undefined, tab);
    expect((again.body.data?.login as { token: string }).token).toBeTruthy();
  });

  it("lets a Bearer token win over the cookie, and keeps refusing a bad Bearer token with 401", async () => {
    const login = await gql(url, LOGIN, { email: email("fleur"), password });
    const tab = cookieHeader(login);
    const bad = await gql(url, "{ me { name } }", undefined, "not.a.token", tab);
    expect(bad.status).toBe(401);
    expect(bad.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const garbage = await gql(url, "{ me { name } }", undefined, undefined, { cookie: `${SESSION_COOKIE}=<script>` });
    expect(garbage.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

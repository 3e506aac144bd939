import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserStore } from "../../server/platform/auth/UserStore.js";
import type { Database } from "../../server/platform/neo4j/database.js";
import { connectTestDatabase, ownScope, type OwnScope } from "../helpers/neo4j.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { codeOf, craftToken, gql, type RawResponse } from "../helpers/trust-requests.js";

/**
 * Role and password changes bite on the next request (issue #13): every signed-in request is checked
 * against the account as it is now (server/platform/auth/AccountStates.ts, authenticate-request.ts).
 * Real (:User) nodes of this file only (e-mails with the file's prefix), the real account lookup
 * (no test accounts), a low throttle so changePassword's can be reached. Every refusal has a code,
 * and leaves this file's part of the graph (its users, with hashes and token versions, and its
 * institutions) as it was.
 */
let db: Database;
let scope: OwnScope;
let server: TestServer;
let url: string;
let store: UserStore;
let adminToken: string;

const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;
const CONTACTS = `{ people(limit: 1) { id email } }`;
const password = "a long enough password";

const email = (name: string) => `${scope.prefix}${name}@revoke.test`;

async function createUser(name: string, roles: Array<"ADMIN" | "COORDINATOR" | "ANALYST" | "VIEWER">): Promise<string> {
  return (await store.create({ email: email(name), name, password, roles })).id;
}

async function signIn(name: string, secret = password): Promise<string> {
  const response = await gql(url, LOGIN, { email: email(name), password: secret });
  const token = (response.body.data?.login as { token?: string } | null)?.token;
  if (!token) throw new Error(`sign-in of ${name} failed: ${JSON.stringify(response.body.errors)}`);
  return token;
}

/** Generated ids: this file's institutions are the ones whose name starts with its prefix. */
function createInstitution(token: string, name: string): Promise<RawResponse> {
  return gql(
    url,
    `mutation($name: String!) { createInstitutions(input: [{ name: $name, kind: HBO }]) { institutions { id } } }`,
    { name: `${scope.prefix}${name}` },
    token,
  );
}

/** This file's part of the graph: its users (hash and token version included) and its nodes. */
async function ownPart(): Promise<string> {
  const users = await db.read("MATCH (u:User) WHERE u.email STARTS WITH $prefix RETURN properties(u) AS u ORDER BY u.email", {
    prefix: scope.prefix,
  });
  const nodes = await db.read(
    "MATCH (n:Institution) WHERE n.name STARTS WITH $prefix RETURN properties(n) AS n ORDER BY n.name, n.id",
    { prefix: scope.prefix },
  );
  return JSON.stringify({ users, nodes });
}

function expectRefused(response: RawResponse, reason: string): void {
  expect(response.status).toBe(401);
  expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: "UNAUTHENTICATED", reason });
  expect(response.body.data ?? null).toBeNull();
}

beforeAll(async () => {
  db = await connectTestDatabase();
  scope = await ownScope(db);
  store = new UserStore(db);
  await store.ensureConstraints();
  server = await startTestServer(db, { roles: null, realAccounts: true, env: { LOGIN_ATTEMPTS_PER_15_MIN: "3" } });
  url = server.http.url;
  await createUser("admin", ["ADMIN"]);
  adminToken = await signIn("admin");
});

afterAll(async () => {
  await db?.write(
    "MATCH (n) WHERE (n:User AND n.email STARTS WITH $prefix) OR (n:Institution AND n.name STARTS WITH $prefix) DETACH DELETE n",
    {
      prefix: scope?.prefix ?? "-",
    },
  );
  await scope?.clean();
  await server?.http.close();
  await db?.close();
});

describe("the account behind a token is checked on every request", () => {
  it("refuses a demoted coordinator's old token for coordinator actions on the very next request", async () => {
    const id = await createUser("demoted", ["COORDINATOR"]);
    const token = await signIn("demoted");
    expect((await gql(url, CONTACTS, undefined, token)).body.errors).toBeUndefined();
    expect((await createInstitution(token, "Before demotion")).body.errors).toBeUndefined();

    const demote = await gql(
      url,
      `mutation($id: ID!) { updateUser(id: $id, change: { roles: ["VIEWER"] }) { roles } }`,
      { id },
      adminToken,
    );
    expect(demote.body.data?.updateUser).toEqual({ roles: ["VIEWER"] });
    const before = await ownPart();
    expectRefused(await gql(url, CONTACTS, undefined, token), "REVOKED");
    expectRefused(await createInstitution(token, "After demotion"), "REVOKED");
    expect(await ownPart()).toBe(before);

    // Signed in again, the user has the new role: no contact details, no writes.
    const viewer = await signIn("demoted");
    expect(codeOf(await gql(url, CONTACTS, undefined, viewer))).toBe("FORBIDDEN");
    expect(codeOf(await createInstitution(viewer, "As viewer"))).toBe("FORBIDDEN");
    expect(await ownPart()).toBe(before);
  });

  it("ends every token of the account when its password is changed, or reset by an admin", async () => {
    const id = await createUser("changer", ["COORDINATOR"]);
    const laptop = await signIn("changer");
    const phone = await signIn("changer");
    const change = await gql(
      url,
      `mutation($c: String!, $n: String!) { changePassword(current: $c, next: $n) }`,
      { c: password, n: "the second long password" },
      laptop,
    );
    expect(change.body.data?.changePassword).toBe(true);
    const before = await ownPart();
    expectRefused(await gql(url, CONTACTS, undefined, laptop), "REVOKED");
    expectRefused(await createInstitution(phone, "With an old phone token"), "REVOKED");
    expect(await ownPart()).toBe(before);

    const fresh = await signIn("changer", "the second long password");
    expect((await gql(url, CONTACTS, undefined, fresh)).body.errors).toBeUndefined();
    const reset = await gql(
      url,
      `mutation($id: ID!) { setUserPassword(id: $id, password: "the third long password") }`,
      { id },
      adminToken,
    );
    expect(reset.body.data?.setUserPassword).toBe(true);
    const afterReset = await ownPart();
    expectRefused(await createInstitution(fresh, "After the reset"), "REVOKED");
    expect(await ownPart()).toBe(afterReset);
    expect((await gql(url, CONTACTS, undefined, await signIn("changer", "the third long password"))).body.errors).toBeUndefined();
  });

  it("signs out everywhere", async () => {
    await createUser("leaver", ["COORDINATOR"]);
    const one = await signIn("leaver");
    const other = await signIn("leaver");
    expect((await gql(url, `mutation { signOutEverywhere }`, undefined, one)).body.data?.signOutEverywhere).toBe(true);
    const before = await ownPart();
    expectRefused(await gql(url, CONTACTS, undefined, one), "REVOKED");
    expectRefused(await createInstitution(other, "After signing out"), "REVOKED");
    expect(await ownPart()).toBe(before);
    expect((await gql(url, CONTACTS, undefined, await signIn("leaver"))).body.errors).toBeUndefined();
  });

  it("refuses a token issued in the future (beyond 30 s of clock skew), and one of an unknown or deleted account", async () => {
    const id = await createUser("clock", ["COORDINATOR"]);
    const now = Math.floor(Date.now() / 1000);
    const before = await ownPart();
    expectRefused(
      await createInstitution(await craftToken({ id, roles: ["COORDINATOR"], issuedAt: now + 3600 }), "Future"),
      "ISSUED_IN_FUTURE",
    );
    expectRefused(
      await createInstitution(await craftToken({ id, roles: ["COORDINATOR"], issuedAt: now + 120 }), "Later"),
      "ISSUED_IN_FUTURE",
    );
    // Within the skew: a server whose clock is a little behind still takes it.
    expect(
      (await gql(url, CONTACTS, undefined, await craftToken({ id, roles: ["COORDINATOR"], issuedAt: now + 20 }))).status,
    ).toBe(200);
    expectRefused(
      await createInstitution(await craftToken({ id: `${scope.prefix}nobody`, roles: ["ADMIN"] }), "Nobody"),
      "UNKNOWN_USER",
    );
    // A token of another version (forged claims cannot get past the signature; an old one is refused).
    expectRefused(await createInstitution(await craftToken({ id, roles: ["COORDINATOR"], version: 7 }), "Version"), "REVOKED");
    // Roles the account does not have are never granted, whatever the token says.
    const admin = await craftToken({ id, roles: ["ADMIN"] });
    expectRefused(await gql(url, `{ users { id } }`, undefined, admin), "REVOKED");
    expect(await ownPart()).toBe(before);

    await createUser("deleted", ["COORDINATOR"]);
    const token = await signIn("deleted");
    await db.write("MATCH (u:User {email: $email}) DETACH DELETE u", { email: email("deleted") });
    const afterDelete = await ownPart();
    expectRefused(await createInstitution(token, "Deleted"), "UNKNOWN_USER");
    expect(await ownPart()).toBe(afterDelete);
  });

  it("throttles wrong current passwords in changePassword, per account", async () => {
    await createUser("guesser", ["VIEWER"]);
    const token = await signIn("guesser");
    const change = (current: string) =>
      gql(url, `mutation($c: String!) { changePassword(current: $c, next: "a brand new long password") }`, { c: current }, token);
    const before = await ownPart();
    for (const guess of ["guess one", "guess two", "guess three"]) {
      expect((await change(guess)).body.errors?.[0]?.extensions).toMatchObject({ code: "UNAUTHENTICATED", field: "current" });
    }
    const throttled = await change(password);
    expect(throttled.body.errors?.[0]?.extensions).toMatchObject({ code: "TOO_MANY_REQUESTS", field: "current" });
    expect(throttled.body.errors?.[0]?.message).toMatch(/try again in \d+ s/);
    // Nothing changed: the old password still signs in, and the token still works.
    expect(await ownPart()).toBe(before);
    expect((await gql(url, `{ me { email } }`, undefined, token)).body.data?.me).toEqual({ email: email("guesser") });
    await signIn("guesser");
  });
});

import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { demoUsers, ensureDemoUsers } from "../../server/platform/auth/ensure-demo-users.js";
import { ensureFirstAdmin } from "../../server/platform/auth/ensure-first-admin.js";
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from "../../server/platform/auth/sign-token.js";
import { UserStore } from "../../server/platform/auth/UserStore.js";
import { ConfigError, loadConfig } from "../../server/platform/config.js";
import type { Database } from "../../server/platform/neo4j/database.js";
import { connectTestDatabase, resetGraph } from "../helpers/neo4j.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { codeOf, gql, tokenFor } from "../helpers/trust-requests.js";

/**
 * Sign-in on the real graph: users as (:User) nodes with argon2id hashes, a signed JWT with
 * expiry and roles, refusals that say what to do, and the first admin of production.
 */
let db: Database;
let server: TestServer;
let url: string;

const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token expiresAt user { id email roles } } }`;

beforeAll(async () => {
  db = await connectTestDatabase();
  await resetGraph(db);
  await new UserStore(db).ensureConstraints();
  // Anonymous by default; a low sign-in throttle so the test can reach it.
  server = await startTestServer(db, { roles: null, env: { LOGIN_ATTEMPTS_PER_15_MIN: "3" } });
  url = server.http.url;
  await new UserStore(db).create({
    email: "Coord@Werkplaats.test",
    name: "Coordinator",
    password: "correct horse battery",
    roles: ["COORDINATOR"],
  });
});

afterAll(async () => {
  await server?.http.close();
  await db?.close();
});

describe("sign-in", () => {
  it("stores an argon2id hash, never the password, and keeps users out of the generated API", async () => {
    const rows = await db.read("MATCH (u:User {email: 'coord@werkplaats.test'}) RETURN u.passwordHash AS hash, keys(u) AS keys");
    expect(rows[0]?.hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(JSON.stringify(rows)).not.toContain("correct horse battery");
    const token = await tokenFor(["ADMIN"]);
    const probe = await gql(url, '{ __type(name: "User") { name } }', undefined, token);
    expect(probe.body.data?.__type).toBeNull();
  });

  it("signs in with the e-mail in any case and returns a working token with roles and expiry", async () => {
    const signedIn = await gql(url, LOGIN, { email: "coord@WERKPLAATS.test", password: "correct horse battery" });
    expect(signedIn.body.errors).toBeUndefined();
    const login = signedIn.body.data?.login as { token: string; expiresAt: string; user: { roles: string[] } };
    expect(login.user.roles).toEqual(["COORDINATOR"]);
    const hours = (Date.parse(login.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(7.9);
    expect(hours).toBeLessThanOrEqual(8);
    const me = await gql(url, "{ me { email roles } }", undefined, login.token);
    expect(me.body.data?.me).toEqual({ email: "coord@werkplaats.test", roles: ["COORDINATOR"] });
  });

  it("gives the same answer for an unknown e-mail and a wrong password, then throttles", async () => {
    const unknown = await gql(url, LOGIN, { email: "nobody@werkplaats.test", password: "whatever-it-is" });
    const wrong = await gql(url, LOGIN, { email: "coord@werkplaats.test", password: "not the password" });
    expect(codeOf(unknown)).toBe("UNAUTHENTICATED");
    expect(codeOf(wrong)).toBe("UNAUTHENTICATED");
    expect(unknown.body.errors?.[0]?.message).toBe(wrong.body.errors?.[0]?.message);
    // Two more failures for this e-mail from this address reach the limit of 3; the right password is then refused too.
    await gql(url, LOGIN, { email: "coord@werkplaats.test", password: "not the password 2" });
    await gql(url, LOGIN, { email: "coord@werkplaats.test", password: "not the password 3" });
    const throttled = await gql(url, LOGIN, { email: "coord@werkplaats.test", password: "correct horse battery" });
    expect(codeOf(throttled)).toBe("TOO_MANY_REQUESTS");
    expect(throttled.body.errors?.[0]?.message).toMatch(/try again in \d+ s/);
    // Another account is not affected.
    await new UserStore(db).create({
      email: "other@werkplaats.test",
      name: "Other",
      password: "another long password",
      roles: ["VIEWER"],
    });
    const other = await gql(url, LOGIN, { email: "other@werkplaats.test", password: "another long password" });
    expect(other.body.errors).toBeUndefined();
  });

  it("answers 401 UNAUTHENTICATED to expired, forged, unsigned and malformed tokens", async () => {
    const key = new TextEncoder().encode("x".repeat(48));
    const forged = await new SignJWT({ roles: ["ADMIN"] })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("intruder")
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime("1h")
      .sign(key);
    const unsigned = `${Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url")}.${Buffer.from(
      JSON.stringify({
        sub: "intruder",
        roles: ["ADMIN"],
        iss: TOKEN_ISSUER,
        aud: TOKEN_AUDIENCE,
        exp: Math.floor(Date.now() / 1000) + 3600,
      }),
    ).toString("base64url")}.`;
    const expired = await tokenFor(["ADMIN"], "old", { JWT_TTL: "1s" }).then(async (t) => {
      await new Promise((r) => setTimeout(r, 100));
      return t;
    });
    for (const [token, reason] of [
      [forged, "INVALID"],
      [unsigned, "MALFORMED"],
      ["not-a-token", "MALFORMED"],
    ] as const) {
      const response = await gql(url, "{ institutions { id } }", undefined, token);
      expect(response.status).toBe(401);
      expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: "UNAUTHENTICATED", reason });
    }
    // The 1 s token is past its expiry (plus the 30 s clock tolerance) only later; check the verifier's clock directly.
    const { verifyToken } = await import("../../server/platform/auth/verify-token.js");
    const config = loadConfig({ NODE_ENV: "test" });
    const check = await verifyToken(config, `Bearer ${expired}`);
    expect(check.ok).toBe(true);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 60_000);
    try {
      const later = await verifyToken(config, `Bearer ${expired}`);
      expect(later).toEqual({ ok: false, problem: "EXPIRED" });
    } finally {
      vi.useRealTimers();
    }
  });

  it("refuses anonymous callers everything but login and the database status", async () => {
    expect(codeOf(await gql(url, "{ institutions { id } }"))).toBe("UNAUTHENTICATED");
    expect(codeOf(await gql(url, "{ me { id } }"))).toBe("UNAUTHENTICATED");
    expect(codeOf(await gql(url, `mutation { createSmes(input: [{ name: "X" }]) { smes { id } } }`))).toBe("UNAUTHENTICATED");
    const status = await gql(url, "{ databaseStatus { reachable } }");
    expect(status.body.data?.databaseStatus).toEqual({ reachable: true });
    expect((await db.read("MATCH (s:Sme) RETURN count(s) AS n"))[0]?.n).toBe(0);
  });

  it("lets an admin manage users, with clear refusals, and cuts off a disabled account at once", async () => {
    const admin = await new UserStore(db).create({
      email: "admin@werkplaats.test",
      name: "Admin",
      password: "admin password long",
      roles: ["ADMIN"],
    });
    const adminLogin = await gql(url, LOGIN, { email: "admin@werkplaats.test", password: "admin password long" });
    const adminToken = (adminLogin.body.data?.login as { token: string }).token;
    const create = `mutation($input: NewUserInput!) { createUser(input: $input) { id email roles } }`;

    const badEmail = await gql(
      url,
      create,
      { input: { email: "not-an-email", name: "X", password: "long enough password", roles: ["VIEWER"] } },
      adminToken,
    );
    expect(badEmail.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "email" });
    const short = await gql(
      url,
      create,
      { input: { email: "v@werkplaats.test", name: "V", password: "short", roles: ["VIEWER"] } },
      adminToken,
    );
    expect(short.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "password" });
    const role = await gql(
      url,
      create,
      { input: { email: "v@werkplaats.test", name: "V", password: "long enough password", roles: ["OWNER"] } },
      adminToken,
    );
    expect(role.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "roles" });
    const ok = await gql(
      url,
      create,
      { input: { email: "v@werkplaats.test", name: "V", password: "long enough password", roles: ["VIEWER"] } },
      adminToken,
    );
    expect(ok.body.data?.createUser).toMatchObject({ email: "v@werkplaats.test", roles: ["VIEWER"] });
    const duplicate = await gql(
      url,
      create,
      { input: { email: "V@werkplaats.test", name: "V", password: "long enough password", roles: ["VIEWER"] } },
      adminToken,
    );
    expect(duplicate.body.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", field: "email" });

    // A coordinator may not create users.
    const coordToken = await tokenFor(["COORDINATOR"]);
    const refused = await gql(
      url,
      create,
      { input: { email: "w@werkplaats.test", name: "W", password: "long enough password", roles: ["ADMIN"] } },
      coordToken,
    );
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", field: "createUser" });

    // The viewer signs in, is disabled by the admin, and the token stops working at once.
    const viewerLogin = await gql(url, LOGIN, { email: "v@werkplaats.test", password: "long enough password" });
    const viewerToken = (viewerLogin.body.data?.login as { token: string }).token;
    expect((await gql(url, "{ institutions { id } }", undefined, viewerToken)).body.errors).toBeUndefined();
    const viewerId = (ok.body.data?.createUser as { id: string }).id;
    const disable = await gql(
      url,
      `mutation($id: ID!) { updateUser(id: $id, change: { disabled: true }) { disabled } }`,
      { id: viewerId },
      adminToken,
    );
    expect(disable.body.data?.updateUser).toEqual({ disabled: true });
    const cut = await gql(url, "{ institutions { id } }", undefined, viewerToken);
    expect(cut.status).toBe(401);
    expect(cut.body.errors?.[0]?.extensions).toMatchObject({ code: "UNAUTHENTICATED", reason: "DISABLED" });
    expect(codeOf(await gql(url, LOGIN, { email: "v@werkplaats.test", password: "long enough password" }))).toBe(
      "UNAUTHENTICATED",
    );

    // The last admin cannot remove their own ADMIN role.
    const last = await gql(
      url,
      `mutation($id: ID!) { updateUser(id: $id, change: { roles: ["VIEWER"] }) { roles } }`,
      { id: admin.id },
      adminToken,
    );
    expect(last.body.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", field: "roles" });
  });

  it("changes one's own password only with the current one", async () => {
    const login = await gql(url, LOGIN, { email: "other@werkplaats.test", password: "another long password" });
    const token = (login.body.data?.login as { token: string }).token;
    const change = `mutation($c: String!, $n: String!) { changePassword(current: $c, next: $n) }`;
    const wrong = await gql(url, change, { c: "not it", n: "a brand new password" }, token);
    expect(wrong.body.errors?.[0]?.extensions).toMatchObject({ code: "UNAUTHENTICATED", field: "current" });
    const right = await gql(url, change, { c: "another long password", n: "a brand new password" }, token);
    expect(right.body.data?.changePassword).toBe(true);
    expect(
      (await gql(url, LOGIN, { email: "other@werkplaats.test", password: "a brand new password" })).body.errors,
    ).toBeUndefined();
  });
});

describe("accounts at start", () => {
  it("creates one demo user per role outside production, each able to sign in, and only once", async () => {
    expect(await ensureDemoUsers(db, "development")).toBe(4);
    expect(await ensureDemoUsers(db, "development")).toBe(0);
    for (const user of demoUsers) {
      const response = await gql(url, LOGIN, { email: user.email, password: user.password });
      expect((response.body.data?.login as { user: { roles: string[] } } | undefined)?.user.roles).toEqual(user.roles);
    }
    await expect(ensureDemoUsers(db, "production")).rejects.toThrow(/local use only/);
  });

  it("in production: refuses to start without JWT_SECRET, and without a configured first admin", async () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrowError(/^Configuration: JWT_SECRET is required in production/);
    expect(() => loadConfig({ NODE_ENV: "production", JWT_SECRET: "short" })).toThrowError(
      /JWT_SECRET must be at least 32 characters/,
    );

    await db.write("MATCH (u:User) DETACH DELETE u");
    await expect(ensureFirstAdmin(db, {})).rejects.toThrowError(ConfigError);
    await expect(ensureFirstAdmin(db, {})).rejects.toThrowError(
      /no admin account exists yet: set ADMIN_EMAIL and ADMIN_PASSWORD/,
    );
    await expect(
      ensureFirstAdmin(db, { ADMIN_EMAIL: "boss@werkplaats.test", ADMIN_PASSWORD: "demo-admin-werkplaats" }),
    ).rejects.toThrowError(/published demo password/);
    expect(await ensureFirstAdmin(db, { ADMIN_EMAIL: "boss@werkplaats.test", ADMIN_PASSWORD: "a proper first password" })).toBe(
      "created",
    );
    expect(await ensureFirstAdmin(db, { ADMIN_EMAIL: "boss@werkplaats.test", ADMIN_PASSWORD: "a proper first password" })).toBe(
      "exists",
    );
    const login = await gql(url, LOGIN, { email: "boss@werkplaats.test", password: "a proper first password" });
    expect((login.body.data?.login as { user: { roles: string[] } }).user.roles).toEqual(["ADMIN"]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserStore } from "../../server/platform/auth/UserStore.js";
import { ManualClock } from "../../server/platform/clock/clock.js";
import type { Database } from "../../server/platform/neo4j/database.js";
import { connectTestDatabase, ownScope, type OwnScope } from "../helpers/neo4j.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { alterSignature } from "../helpers/tokens.js";
import { codeOf, gql, type RawResponse } from "../helpers/trust-requests.js";

/**
 * Invitations to the portal (issue #18 part 3; docs/security.md "Invitations"), over HTTP against the real
 * Neo4j with real accounts: a coordinator invites a programme coordinator of the graph; the message is in the
 * outbox with a signed link; the link sets a password and creates the account linked to the person with the
 * role; the first sign-in is an interaction on the coordinator's tie (created, as logInteraction would); used,
 * replaced, expired and forged links are refused with their codes, and many bad links from one address are
 * throttled. The file's own part of the graph: prefixed ids and e-mails.
 */
let db: Database;
let scope: OwnScope;
let server: TestServer;
let url: string;
let coordinatorToken: string;
const clock = new ManualClock(new Date());
const password = "a long enough password";
/** Bad links an address may send in 15 minutes before it waits (the sign-in limit, set low here). */
const LINK_ATTEMPTS = 8;

const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token user { roles personId } } }`;
const INVITE = `mutation($personId: ID!, $email: String!, $role: String!) {
  invitePerson(personId: $personId, email: $email, role: $role) {
    id personId personName email role status expiresAt invitedById messageId messageStatus
  }
}`;
const ACCEPT = `mutation($token: String!, $password: String!) { acceptInvitation(token: $token, password: $password) { email name } }`;
const LINK = `query($token: String!) { invitationLink(token: $token) { personName email role language } }`;

const id = (name: string) => scope.id(name);
const email = (name: string) => `${scope.prefix}${name}@invite.test`;

async function signIn(address: string, secret = password): Promise<RawResponse> {
  return gql(url, LOGIN, { email: address, password: secret });
}

async function invite(personName: string, role: string, token = coordinatorToken): Promise<RawResponse> {
  return gql(url, INVITE, { personId: id(personName), email: email(personName), role }, token);
}

/** The link of the newest invitation message to the person, as the outbox keeps it. */
async function tokenInOutbox(personName: string): Promise<string> {
  const rows = await db.read(
    `MATCH (m:MailMessage {kind: 'INVITATION'})-[:TO_PERSON]->(:Person {id: $id}) RETURN m.text AS text ORDER BY m.createdAt DESC LIMIT 1`,
    { id: id(personName) },
  );
  const token = /\/invite\/([A-Za-z0-9_.-]+)/.exec(String(rows[0]?.text ?? ""))?.[1];
  if (!token) throw new Error(`no invitation link in the outbox for ${personName}`);
  return token;
}

beforeAll(async () => {
  db = await connectTestDatabase();
  scope = await ownScope(db);
  await new UserStore(db).ensureConstraints();
  await db.write(
    `CREATE (c:Person {id: $p + 'coord', name: 'Coordinator Kim'}), (x:Person {id: $p + 'xavi', name: 'Xavi Opleiding', language: 'EN'}),
            (t:Person {id: $p + 'tara', name: 'Tara Docent'}), (n:Person {id: $p + 'nora', name: 'Nora Nobody'}),
            (i:Institution {id: $p + 'inst', name: $p + 'Hogeschool', kind: 'HBO'}),
            (pr:Programme {id: $p + 'prog', name: $p + 'HBO-ICT'}), (k:Course {id: $p + 'course', name: $p + 'Webshops'}),
            (pr)-[:OFFERED_BY]->(i), (k)-[:PART_OF]->(pr), (x)-[:COORDINATES]->(pr), (t)-[:TEACHES]->(k)`,
    { p: scope.prefix },
  );
  server = await startTestServer(db, {
    roles: null,
    realAccounts: true,
    mail: { clock },
    env: { LOGIN_ATTEMPTS_PER_15_MIN: String(LINK_ATTEMPTS) },
  });
  url = server.http.url;
  await new UserStore(db).create({
    email: email("coord"),
    name: "Coordinator Kim",
    password,
    roles: ["COORDINATOR"],
    personId: id("coord"),
  });
  const signed = await signIn(email("coord"));
  coordinatorToken = (signed.body.data?.login as { token: string }).token;
});

afterAll(async () => {
  await db?.write(
    `MATCH (p:Person) WHERE p.id STARTS WITH $prefix
     OPTIONAL MATCH (p)<-[:INVITES]-(i:Invitation)
     OPTIONAL MATCH (p)<-[:TO_PERSON]-(m:MailMessage)
     OPTIONAL MATCH (p)-[:INITIATED|WITH]-(x:Interaction)
     DETACH DELETE i, m, x`,
    { prefix: scope?.prefix ?? "-" },
  );
  await db?.write("MATCH (u:User) WHERE u.email STARTS WITH $prefix DETACH DELETE u", { prefix: scope?.prefix ?? "-" });
  await scope?.clean();
  await server?.http.close();
  await db?.close();
});

describe("a coordinator invites a person of the graph", () => {
  it("queues the invitation in the outbox with a signed link to /invite/<token>", async () => {
    const response = await invite("xavi", "INSTITUTION_CONTACT");
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.invitePerson).toMatchObject({
      personId: id("xavi"),
      personName: "Xavi Opleiding",
      email: email("xavi"),
      role: "INSTITUTION_CONTACT",
      status: "PENDING",
      invitedById: id("coord"),
      messageStatus: "OUTBOX",
    });
    const rows = await db.read(
      `MATCH (m:MailMessage {kind: 'INVITATION'})-[:TO_PERSON]->(:Person {id: $id})
       RETURN m.toAddress AS to, m.subject AS subject, m.language AS language, m.raw AS raw, m.status AS status`,
      { id: id("xavi") },
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ to: email("xavi"), language: "EN", status: "OUTBOX" });
    expect(String(rows[0]?.subject)).toContain("invitation");
    expect(String(rows[0]?.raw)).toContain(`${url}invite/`);
    // The link names the person and the address, for the page that sets the password; it changes nothing.
    const link = await gql(url, LINK, { token: await tokenInOutbox("xavi") });
    expect(link.body.data?.invitationLink).toEqual({
      personName: "Xavi Opleiding",
      email: email("xavi"),
      role: "INSTITUTION_CONTACT",
      language: "EN",
    });
  });

  it("refuses a role the person does not hold in the graph, an unknown person, a bad address and other roles", async () => {
    expect(codeOf(await invite("nora", "TEACHER"))).toBe("BAD_USER_INPUT");
    expect(codeOf(await invite("nora", "INSTITUTION_CONTACT"))).toBe("BAD_USER_INPUT");
    expect(codeOf(await invite("tara", "INSTITUTION_CONTACT"))).toBe("BAD_USER_INPUT");
    expect(codeOf(await invite("xavi", "COORDINATOR"))).toBe("BAD_USER_INPUT");
    expect(codeOf(await invite("nobody", "TEACHER"))).toBe("NOT_FOUND");
    const badAddress = await gql(
      url,
      INVITE,
      { personId: id("tara"), email: "not an address", role: "TEACHER" },
      coordinatorToken,
    );
    expect(badAddress.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "email" });
    // Not signed in: no invitation at all.
    expect(codeOf(await gql(url, INVITE, { personId: id("tara"), email: email("tara"), role: "TEACHER" }))).toBe(
      "UNAUTHENTICATED",
    );
    const messages = await db.read(
      `MATCH (m:MailMessage {kind: 'INVITATION'})-[:TO_PERSON]->(p:Person) WHERE p.id IN $ids RETURN count(m) AS n`,
      { ids: [id("nora"), id("tara")] },
    );
    expect(messages[0]?.n).toBe(0);
  });
});

describe("the invitation link sets the password", () => {
  it("refuses a short password and keeps the link usable", async () => {
    const response = await gql(url, ACCEPT, { token: await tokenInOutbox("xavi"), password: "short" });
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "password" });
    expect(await db.read(`MATCH (u:User {email: $e}) RETURN u.id AS id`, { e: email("xavi") })).toEqual([]);
  });

  it("creates the account linked to the person with the role, once", async () => {
    const token = await tokenInOutbox("xavi");
    const response = await gql(url, ACCEPT, { token, password });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.acceptInvitation).toEqual({ email: email("xavi"), name: "Xavi Opleiding" });
    const users = await db.read(`MATCH (u:User {email: $e}) RETURN u.roles AS roles, u.personId AS personId`, {
      e: email("xavi"),
    });
    expect(users).toEqual([{ roles: ["INSTITUTION_CONTACT"], personId: id("xavi") }]);

    const again = await gql(url, ACCEPT, { token, password: "another long password" });
    expect(codeOf(again)).toBe("LINK_USED");
    expect(codeOf(await gql(url, LINK, { token }))).toBe("LINK_USED");
  });

  it("logs the first sign-in as an interaction on the inviter's tie, creating the tie, and only the first", async () => {
    const tieBefore = await db.read(`MATCH (:Person {id: $a})-[k:KNOWS]-(:Person {id: $b}) RETURN k`, {
      a: id("coord"),
      b: id("xavi"),
    });
    expect(tieBefore).toEqual([]);
    const first = await signIn(email("xavi"));
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data?.login).toMatchObject({ user: { roles: ["INSTITUTION_CONTACT"], personId: id("xavi") } });
    const second = await signIn(email("xavi"));
    expect(second.body.errors).toBeUndefined();

    const interactions = await db.read(
      `MATCH (:Person {id: $a})-[:INITIATED]->(x:Interaction)-[:WITH]->(:Person {id: $b})
       RETURN x.channel AS channel, x.result AS result, toString(x.date) AS date`,
      { a: id("coord"), b: id("xavi") },
    );
    expect(interactions).toEqual([{ channel: "EMAIL", result: "REPLIED", date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }]);
    const tie = await db.read(
      `MATCH (:Person {id: $a})-[k:KNOWS]-(:Person {id: $b}) RETURN k.strength AS strength, k.lastContact AS lastContact`,
      { a: id("coord"), b: id("xavi") },
    );
    expect(tie).toHaveLength(1);
    expect(Number(tie[0]?.strength)).toBeGreaterThan(0);
    const invitation = await db.read(
      `MATCH (i:Invitation {status: 'ACCEPTED'})-[:INVITES]->(:Person {id: $id}) RETURN i.firstSignInAt IS NOT NULL AS signedIn`,
      { id: id("xavi") },
    );
    expect(invitation).toEqual([{ signedIn: true }]);
  });

  it("refuses a person who has an account already", async () => {
    expect(codeOf(await invite("xavi", "INSTITUTION_CONTACT"))).toBe("CONFLICT");
  });
});

describe("links that cannot be used", () => {
  it("refuses a forged link, a replaced one and an expired one, each with its code", async () => {
    expect((await invite("tara", "TEACHER")).body.errors).toBeUndefined();
    const replaced = await tokenInOutbox("tara");
    // The signature changed in one character: not ours.
    const forged = alterSignature(replaced);
    expect(codeOf(await gql(url, ACCEPT, { token: forged, password }))).toBe("LINK_INVALID");
    expect(codeOf(await gql(url, ACCEPT, { token: "not-a-token", password }))).toBe("LINK_INVALID");

    clock.advance(1000);
    expect((await invite("tara", "TEACHER")).body.errors).toBeUndefined();
    const newest = await tokenInOutbox("tara");
    expect(newest).not.toBe(replaced);
    expect(codeOf(await gql(url, ACCEPT, { token: replaced, password }))).toBe("LINK_EXPIRED");

    clock.advance(15 * 86_400_000);
    expect(codeOf(await gql(url, ACCEPT, { token: newest, password }))).toBe("LINK_EXPIRED");
    expect(await db.read(`MATCH (u:User {email: $e}) RETURN u.id AS id`, { e: email("tara") })).toEqual([]);
  });

  it("throttles an address that tries too many bad links, like sign-in", async () => {
    // One more than the allowed failures, whatever the tests before left in the window: the last is refused.
    let last: RawResponse | undefined;
    for (let attempt = 0; attempt <= LINK_ATTEMPTS; attempt++)
      last = await gql(url, ACCEPT, { token: `guess-${attempt}`, password });
    expect(codeOf(last as RawResponse)).toBe("TOO_MANY_REQUESTS");
    // The real link is refused too while the address waits.
    expect(codeOf(await gql(url, LINK, { token: await tokenInOutbox("tara") }))).toBe("TOO_MANY_REQUESTS");
  });
});

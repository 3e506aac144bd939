import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoUsers, ensureDemoUsers } from "../../server/platform/auth/ensure-demo-users.js";
import type { Database } from "../../server/platform/neo4j/database.js";
import { loadDemoData } from "../../seed/load-demo.js";
import { connectTestDatabase, resetGraph } from "../helpers/neo4j.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { codeOf, gql, type RawResponse } from "../helpers/trust-requests.js";

/**
 * Issue #12's "every change has an author", on the demo data through the API as a client uses it: the demo
 * coordinator's account is the workspace's coordinator Fleur Bakker, so what they do names her; an admin links
 * and unlinks accounts and people; an account without a person names itself and has to name a coordinator.
 */
let db: Database;
let server: TestServer;
let url: string;

const FLEUR = "person-fleur-bakker";
const YOUSSEF = "person-youssef-el-amrani";

const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token user { id person { id name } } } }`;
const INTAKE = `mutation($input: CaseIntakeInput!) { intakeCase(input: $input) { caseId coordinatorId } }`;
const TIMELINE = `query($case: ID!) { caseTimeline(case: $case) { kind to by byName } }`;
const LINK = `mutation($user: ID!, $person: ID) { linkUserToPerson(userId: $user, personId: $person) { id personId person { id name } } }`;
const LOG = `mutation($by: ID, $with: ID!, $date: String!) { logInteraction(by: $by, with: $with, date: $date, channel: PHONE) { interaction { id } } }`;

function demo(role: string): { email: string; password: string } {
  const user = demoUsers.find((u) => u.roles.includes(role as never));
  if (!user) throw new Error(`No demo user with ${role}.`);
  return user;
}

async function signIn(email: string, password: string): Promise<{ token: string; userId: string }> {
  const answer = await gql(url, LOGIN, { email, password });
  expect(answer.body.errors).toBeUndefined();
  const login = answer.body.data?.login as { token: string; user: { id: string } };
  return { token: login.token, userId: login.user.id };
}

async function ok<T>(token: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  const answer = await gql(url, query, variables, token);
  expect(answer.body.errors, JSON.stringify(answer.body.errors)).toBeUndefined();
  return answer.body.data as T;
}

function refusal(answer: RawResponse): { code: unknown; field: unknown } {
  const extensions = answer.body.errors?.[0]?.extensions ?? {};
  return { code: extensions.code, field: extensions.field };
}

const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

function intakeInput(title: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    sme: { name: `Auteurs ${title} BV`, city: "Amsterdam" },
    title,
    topics: ["web", "data"],
    wantedLevels: ["HBO", "MBO", "WO"],
    effort: "SPRINT",
    earliestStart: day(1),
    deadline: day(360),
    ...extra,
  };
}

beforeAll(async () => {
  db = await connectTestDatabase();
  await resetGraph(db);
  await loadDemoData(db);
  await ensureDemoUsers(db, "test");
  // Anonymous: every request signs in through the API, as the client does.
  server = await startTestServer(db, { roles: null });
  url = server.http.url;
}, 180_000);

afterAll(async () => {
  await server?.http.close();
  await db?.close();
});

describe("the demo coordinator is a person of the graph", () => {
  it("signs in as Fleur Bakker, a coordinator of the demo workspace, and `me` says so", async () => {
    const { email, password } = demo("COORDINATOR");
    const answer = await gql(url, LOGIN, { email, password });
    expect((answer.body.data?.login as { user: unknown }).user).toMatchObject({ person: { id: FLEUR, name: "Fleur Bakker" } });
    const { token } = await signIn(email, password);
    const me = await ok<{ me: unknown }>(token, "{ me { email personId person { id name } } }");
    expect(me.me).toEqual({ email, personId: FLEUR, person: { id: FLEUR, name: "Fleur Bakker" } });
    const coordinatorOf = await db.read("MATCH (:Person {id: $id})-[:COORDINATOR_OF]->(w:Workspace) RETURN w.id AS id", {
      id: FLEUR,
    });
    expect(coordinatorOf).toEqual([{ id: "ws-amsterdam" }]);
  });

  it("names that coordinator for an intake, a proposal and a match in the timeline, and makes her the case's handler", async () => {
    const { email, password } = demo("COORDINATOR");
    const { token } = await signIn(email, password);

    const intake = await ok<{ intakeCase: { caseId: string; coordinatorId: string } }>(token, INTAKE, {
      input: intakeInput("Webshop met voorraadkoppeling"),
    });
    const caseId = intake.intakeCase.caseId;
    expect(intake.intakeCase.coordinatorId).toBe(FLEUR);
    const handler = await db.read("MATCH (:Case {id: $id})-[:HANDLED_BY]->(p:Person) RETURN p.id AS id", { id: caseId });
    expect(handler).toEqual([{ id: FLEUR }]);

    await ok(token, `mutation($case: ID!) { qualifyCase(case: $case) { to } }`, { case: caseId });
    const { caseSuggestions } = await ok<{
      caseSuggestions: Array<{
        courseId: string;
        teacherId: string | null;
        periodId: string | null;
        remainingPlaces: number | null;
      }>;
    }>(token, `query($case: ID!) { caseSuggestions(case: $case, limit: 50) { courseId teacherId periodId remainingPlaces } }`, {
      case: caseId,
    });
    const pick = caseSuggestions.find((s) => s.teacherId && s.periodId && (s.remainingPlaces ?? 1) > 0);
    if (!pick?.teacherId || !pick.periodId) throw new Error("The demo data has no course with a teacher and a free period.");

    const proposal = await ok<{ proposeCase: { id: string } }>(
      token,
      `mutation($case: ID!, $teacher: ID!, $course: ID!) { proposeCase(case: $case, teacher: $teacher, course: $course, channel: EMAIL, force: true) { id } }`,
      { case: caseId, teacher: pick.teacherId, course: pick.courseId },
    );
    await ok(token, `mutation($p: ID!) { answerProposal(proposal: $p, answer: INTERESTED) { id } }`, {
      p: proposal.proposeCase.id,
    });
    await ok(
      token,
      `mutation($case: ID!, $course: ID!, $period: ID!) { matchCase(case: $case, course: $course, period: $period, teamSize: 3) { id } }`,
      { case: caseId, course: pick.courseId, period: pick.periodId },
    );

    const { caseTimeline } = await ok<{ caseTimeline: Array<{ kind: string; to: string | null; by: string; byName: string }> }>(
      token,
      TIMELINE,
      { case: caseId },
    );
    expect(caseTimeline.map((e) => e.to ?? e.kind)).toEqual([
      "INTAKE",
      "QUALIFIED",
      "PROPOSAL_SENT",
      "PROPOSED",
      "PROPOSAL_ANSWERED",
      "MATCHED",
    ]);
    for (const entry of caseTimeline) expect(entry).toMatchObject({ by: FLEUR, byName: "Fleur Bakker" });
    const sentBy = await db.read("MATCH (p:Proposal {id: $id}) RETURN p.sentBy AS sentBy, p.answeredBy AS answeredBy", {
      id: proposal.proposeCase.id,
    });
    expect(sentBy).toEqual([{ sentBy: FLEUR, answeredBy: FLEUR }]);
  });

  it("defaults who made a logged contact to the signed-in coordinator", async () => {
    const { token } = await signIn(demo("COORDINATOR").email, demo("COORDINATOR").password);
    const logged = await ok<{ logInteraction: { interaction: { id: string } } }>(token, LOG, {
      with: "person-annemarie-van-dam",
      date: day(0),
    });
    const rows = await db.read("MATCH (p:Person)-[:INITIATED]->(:Interaction {id: $id}) RETURN p.id AS id", {
      id: logged.logInteraction.interaction.id,
    });
    expect(rows).toEqual([{ id: FLEUR }]);
  });
});

describe("linking accounts and people (ADMIN)", () => {
  let admin: string;
  let newcomer: { token: string; userId: string };

  beforeAll(async () => {
    admin = (await signIn(demo("ADMIN").email, demo("ADMIN").password)).token;
    await ok(admin, `mutation($input: NewUserInput!) { createUser(input: $input) { id } }`, {
      input: {
        email: "nieuw@werkplaats.example",
        name: "Nieuwe Collega",
        password: "een lang genoeg wachtwoord",
        roles: ["COORDINATOR"],
      },
    });
    newcomer = await signIn("nieuw@werkplaats.example", "een lang genoeg wachtwoord");
  });

  it("refuses an unknown account, an unknown person, a person linked to another account, and a non-admin", async () => {
    expect(refusal(await gql(url, LINK, { user: "no-such-user", person: YOUSSEF }, admin))).toEqual({
      code: "NOT_FOUND",
      field: "userId",
    });
    expect(refusal(await gql(url, LINK, { user: newcomer.userId, person: "no-such-person" }, admin))).toEqual({
      code: "NOT_FOUND",
      field: "personId",
    });
    const taken = await gql(url, LINK, { user: newcomer.userId, person: FLEUR }, admin);
    expect(refusal(taken)).toEqual({ code: "CONFLICT", field: "personId" });
    expect(taken.body.errors?.[0]?.message).toContain("coordinator@werkplaats.example");
    const created = await gql(
      url,
      `mutation($input: NewUserInput!) { createUser(input: $input) { id } }`,
      {
        input: {
          email: "dubbel@werkplaats.example",
          name: "Dubbel",
          password: "een lang genoeg wachtwoord",
          roles: ["VIEWER"],
          personId: FLEUR,
        },
      },
      admin,
    );
    expect(refusal(created)).toEqual({ code: "CONFLICT", field: "personId" });
    expect(codeOf(await gql(url, LINK, { user: newcomer.userId, person: YOUSSEF }, newcomer.token))).toBe("FORBIDDEN");
    const unchanged = await db.read("MATCH (u:User {id: $id}) RETURN u.personId AS personId", { id: newcomer.userId });
    expect(unchanged).toEqual([{ personId: null }]);
  });

  it("without a person: names the account, and asks who handles an intake and who made a contact", async () => {
    const noCoordinator = await gql(url, INTAKE, { input: intakeInput("Zonder coördinator") }, newcomer.token);
    expect(refusal(noCoordinator)).toEqual({ code: "BAD_USER_INPUT", field: "coordinator" });
    const noBy = await gql(url, LOG, { with: "person-annemarie-van-dam", date: day(0) }, newcomer.token);
    expect(refusal(noBy)).toEqual({ code: "BAD_USER_INPUT", field: "by" });

    const intake = await ok<{ intakeCase: { caseId: string; coordinatorId: string } }>(newcomer.token, INTAKE, {
      input: intakeInput("Met coördinator", { coordinator: YOUSSEF }),
    });
    expect(intake.intakeCase.coordinatorId).toBe(YOUSSEF);
    const { caseTimeline } = await ok<{ caseTimeline: Array<{ by: string; byName: string }> }>(newcomer.token, TIMELINE, {
      case: intake.intakeCase.caseId,
    });
    expect(caseTimeline).toEqual([{ kind: "STATUS_CHANGE", to: "INTAKE", by: newcomer.userId, byName: "Nieuwe Collega" }]);
  });

  it("links and unlinks: the same token names the new person at once, and no one after unlinking", async () => {
    const linked = await ok<{ linkUserToPerson: unknown }>(admin, LINK, { user: newcomer.userId, person: YOUSSEF });
    expect(linked.linkUserToPerson).toEqual({
      id: newcomer.userId,
      personId: YOUSSEF,
      person: { id: YOUSSEF, name: "Youssef El Amrani" },
    });
    const me = await ok<{ me: { person: unknown } }>(newcomer.token, "{ me { person { id name } } }");
    expect(me.me.person).toEqual({ id: YOUSSEF, name: "Youssef El Amrani" });
    const intake = await ok<{ intakeCase: { caseId: string; coordinatorId: string } }>(newcomer.token, INTAKE, {
      input: intakeInput("Na koppeling"),
    });
    expect(intake.intakeCase.coordinatorId).toBe(YOUSSEF);
    const { caseTimeline } = await ok<{ caseTimeline: Array<{ by: string; byName: string }> }>(newcomer.token, TIMELINE, {
      case: intake.intakeCase.caseId,
    });
    expect(caseTimeline[0]).toMatchObject({ by: YOUSSEF, byName: "Youssef El Amrani" });

    const unlinked = await ok<{ linkUserToPerson: unknown }>(admin, LINK, { user: newcomer.userId, person: null });
    expect(unlinked.linkUserToPerson).toEqual({ id: newcomer.userId, personId: null, person: null });
    const after = await gql(url, INTAKE, { input: intakeInput("Na ontkoppeling") }, newcomer.token);
    expect(refusal(after)).toEqual({ code: "BAD_USER_INPUT", field: "coordinator" });
  });
});

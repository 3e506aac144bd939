import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/platform/neo4j/database.js";
import { connectTestDatabase, ownScope, type OwnScope } from "../helpers/neo4j.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import {
  day,
  instant,
  ok,
  refused,
  seedAgreement,
  seedCase,
  seedCourse,
  seedInstitution,
  seedWorkspace,
  signedInAs,
} from "./cases-graph-fixtures.js";

/**
 * Agreements and capacity, matching into a sprint (also 20 at once for the last place), and sprints. Every id is
 * the file's own (`ownScope`): capacity counts the sprints of one course in one period, nothing global.
 */
let db: Database;
let server: TestServer;
let scope: OwnScope;
/** The file's id for a local name ("C1" → "t1a2b3c4d-C1"). */
const id = (name: string) => scope.id(name);

let COORD: string;
const CAPACITY = `query($course: ID!, $period: ID!) { courseCapacity(course: $course, period: $period) { runsInPeriod hasAgreement casesPerPeriod used remaining } }`;
const MATCH = `mutation($case: ID!, $course: ID!, $period: ID!, $teamSize: Int, $supervisor: ID) {
  matchCase(case: $case, course: $course, period: $period, teamSize: $teamSize, supervisor: $supervisor) {
    id status caseStatus courseId periodId startDate endDate teamSize teamLevel supervisorId } }`;
// P1 starts in 40 days: starting now is an override (BEFORE_PERIOD), with its reason.
const START = `mutation($sprint: ID!) { startSprint(sprint: $sprint, force: true, reason: "Team kicks off early") { status caseStatus } }`;
const ADD_MILESTONE = `mutation($sprint: ID!, $title: String!, $due: String) { addMilestone(sprint: $sprint, title: $title, due: $due) { id title due done } }`;
const DONE_MILESTONE = `mutation($milestone: ID!) { completeMilestone(milestone: $milestone) { id done } }`;
const COMPLETE = `mutation($sprint: ID!) { completeSprint(sprint: $sprint, input: { outcome: "Dashboard live", smeRating: 5, followUpWanted: false }) {
  status caseStatus outcome smeRating followUpWanted milestones { title done } } }`;

interface Capacity {
  runsInPeriod: boolean;
  hasAgreement: boolean;
  casesPerPeriod: number | null;
  used: number;
  remaining: number | null;
}

async function capacity(course: string, period: string): Promise<Capacity> {
  return (await ok<{ courseCapacity: Capacity }>(server, CAPACITY, { course, period })).courseCapacity;
}

async function sprintsIn(course: string, period: string): Promise<number> {
  const rows = await db.read(
    "MATCH (s:Sprint)-[:IN_COURSE]->(:Course {id: $course}), (s)-[:IN_PERIOD]->(:TeachingPeriod {id: $period}) WHERE s.status <> 'CANCELLED' RETURN count(s) AS n",
    { course, period },
  );
  return Number(rows[0]?.n);
}

/** A PROPOSED case, ready to be matched. */
async function proposedCase(id: string): Promise<string> {
  await seedCase(db, { id, status: "PROPOSED", coordinator: COORD });
  return id;
}

beforeAll(async () => {
  db = await connectTestDatabase();
  scope = await ownScope(db);
  COORD = id("coord");
  server = await signedInAs(await startTestServer(db), COORD);
  await seedWorkspace(db, { id: id("ws"), coordinators: [{ id: COORD, name: "Carla" }] });
  await seedInstitution(db, { id: id("hbo"), kind: "HBO" });
  await seedInstitution(db, { id: id("mbo"), kind: "MBO" });
  const p1 = { id: id("P1"), name: "Blok 1", start: day(40), end: day(100) };
  const p2 = { id: id("P2"), name: "Blok 2", start: day(110), end: day(170) };
  await seedCourse(db, {
    id: id("C1"),
    name: "Course with 2 places",
    themes: ["data"],
    institution: id("hbo"),
    teachers: [id("t1")],
    periods: [p1, p2],
    agreement: { casesPerPeriod: 2 },
  });
  await seedCourse(db, {
    id: id("C2"),
    name: "Two teachers",
    themes: ["data"],
    institution: id("hbo"),
    teachers: [id("t2a"), id("t2b")],
    periods: [p1],
    agreement: { casesPerPeriod: 3 },
  });
  await seedCourse(db, {
    id: id("C3"),
    name: "No agreement",
    themes: ["data"],
    institution: id("hbo"),
    teachers: [id("t3")],
    periods: [p1],
  });
  await seedCourse(db, {
    id: id("C4"),
    name: "Expired agreement",
    themes: ["data"],
    institution: id("hbo"),
    teachers: [id("t4")],
    periods: [p1],
    agreement: { casesPerPeriod: 9, validTo: day(10) },
  });
  await seedCourse(db, {
    id: id("C5"),
    name: "The last place",
    themes: ["data"],
    institution: id("hbo"),
    teachers: [id("t5")],
    periods: [p1],
    agreement: { casesPerPeriod: 3 },
  });
  // MBO courses under wider agreements: the programme's (4 per period) and, for M2, the institution's (no limit).
  await seedCourse(db, {
    id: id("M1"),
    name: "MBO course",
    themes: ["data"],
    institution: id("mbo"),
    teachers: [id("t6")],
    periods: [{ id: id("Q1"), start: day(40), end: day(100) }],
  });
  await seedAgreement(db, { id: id("agr-prog-mbo"), covers: { label: "Programme", id: `prog-${id("mbo")}` }, casesPerPeriod: 4 });
  await seedAgreement(db, { id: id("agr-inst-mbo"), covers: { label: "Institution", id: id("mbo") }, casesPerPeriod: null });
  // The most specific agreement governs: M1 gets its own course agreement of 1 on top of the programme's.
  await seedCourse(db, {
    id: id("M2"),
    name: "MBO course 2",
    themes: ["data"],
    institution: id("mbo"),
    teachers: [id("t7")],
    periods: [{ id: id("Q1"), start: day(40), end: day(100) }],
    agreement: { casesPerPeriod: 1 },
  });
});

afterAll(async () => {
  await server?.http.close();
  await scope?.clean();
  await db?.close();
});

describe("courseCapacity", () => {
  it("counts the governing agreement's places: course over programme over institution, valid in the period", async () => {
    expect(await capacity(id("C1"), id("P1"))).toEqual({
      runsInPeriod: true,
      hasAgreement: true,
      casesPerPeriod: 2,
      used: 0,
      remaining: 2,
    });
    expect(await capacity(id("C3"), id("P1"))).toEqual({
      runsInPeriod: true,
      hasAgreement: false,
      casesPerPeriod: 0,
      used: 0,
      remaining: 0,
    });
    expect(await capacity(id("C4"), id("P1"))).toMatchObject({ hasAgreement: false, remaining: 0 });
    expect(await capacity(id("M1"), id("Q1"))).toMatchObject({ hasAgreement: true, casesPerPeriod: 4, remaining: 4 });
    expect(await capacity(id("M2"), id("Q1"))).toMatchObject({ hasAgreement: true, casesPerPeriod: 1, remaining: 1 });
    expect(await capacity(id("C1"), id("Q1"))).toMatchObject({ runsInPeriod: false });
  });
});

describe("agreementCapacity", () => {
  const AGREEMENT_CAPACITY = `query($agreements: [ID!]!) { agreementCapacity(agreements: $agreements) {
    agreementId courses { courseId periodId governingAgreementId casesPerPeriod used remaining } } }`;

  it("lists every course an agreement covers per period, counted as courseCapacity counts it, with the agreement that governs", async () => {
    const data = await ok<{ agreementCapacity: unknown[] }>(server, AGREEMENT_CAPACITY, {
      agreements: [id("agr-prog-mbo"), `agr-${id("C4")}`, "nope", `agr-${id("C1")}`],
    });
    const row = (course: string, period: string, governing: string | null, cap: number | null) => ({
      courseId: course,
      periodId: period,
      governingAgreementId: governing,
      casesPerPeriod: cap,
      used: 0,
      remaining: cap,
    });
    expect(data.agreementCapacity).toEqual([
      // The programme's agreement covers both MBO courses; M2's own agreement governs M2.
      {
        agreementId: id("agr-prog-mbo"),
        courses: [row(id("M1"), id("Q1"), id("agr-prog-mbo"), 4), row(id("M2"), id("Q1"), `agr-${id("M2")}`, 1)],
      },
      // Expired before any period starts: no period it may govern.
      { agreementId: `agr-${id("C4")}`, courses: [] },
      {
        agreementId: `agr-${id("C1")}`,
        courses: [row(id("C1"), id("P1"), `agr-${id("C1")}`, 2), row(id("C1"), id("P2"), `agr-${id("C1")}`, 2)],
      },
    ]);
  });
});

describe("matchCase", () => {
  it("plans a sprint in the course and period, uses a place, and moves the case to MATCHED", async () => {
    const caseId = await proposedCase(id("K1"));
    const data = await ok<{ matchCase: Record<string, unknown> }>(server, MATCH, {
      case: caseId,
      course: id("C1"),
      period: id("P1"),
      teamSize: 4,
    });
    expect(data.matchCase).toMatchObject({
      status: "PLANNED",
      caseStatus: "MATCHED",
      courseId: id("C1"),
      periodId: id("P1"),
      startDate: day(40),
      endDate: day(100),
      teamSize: 4,
      teamLevel: "HBO",
      supervisorId: id("t1"),
    });
    expect(await capacity(id("C1"), id("P1"))).toMatchObject({ used: 1, remaining: 1 });
    expect(await capacity(id("C1"), id("P2"))).toMatchObject({ used: 0, remaining: 2 });
    const event = await db.read(
      "MATCH (:Case {id: $id})-[:HAD_EVENT]->(e:CaseEvent {to: 'MATCHED'}) RETURN e.from AS from, e.by AS by, e.note AS note",
      { id: id("K1") },
    );
    expect(event).toEqual([{ from: "PROPOSED", by: COORD, note: "Course with 2 places, Blok 1" }]);
  });

  it("takes as supervisor the teacher who said INTERESTED when a course has two", async () => {
    const caseId = await proposedCase(id("K2"));
    await db.write(
      `MATCH (k:Case {id: $case}), (t:Person {id: $teacher}), (c:Course {id: $course})
       CREATE (p:Proposal {id: $proposal, sentAt: datetime($sent), expiresAt: datetime($sent) + duration('P14D'), channel: 'EMAIL',
                           answer: 'INTERESTED', answeredAt: datetime($sent)})
       CREATE (p)-[:OF_CASE]->(k), (p)-[:TO_TEACHER]->(t), (p)-[:FOR_COURSE]->(c)`,
      { sent: instant(-2), case: id("K2"), teacher: id("t2b"), course: id("C2"), proposal: id("p-K2") },
    );
    const data = await ok<{ matchCase: { supervisorId: string } }>(server, MATCH, {
      case: caseId,
      course: id("C2"),
      period: id("P1"),
    });
    expect(data.matchCase.supervisorId).toBe(id("t2b"));
  });

  it.each([
    ["C3", "P1", "CAPACITY_EXHAUSTED", "course"],
    ["C4", "P1", "CAPACITY_EXHAUSTED", "course"],
    ["C1", "Q1", "BAD_USER_INPUT", "period"],
    ["C1", "nope", "NOT_FOUND", "period"],
  ])("refuses %s in %s with %s on %s, changing nothing", async (course, period, code, field) => {
    const caseId = await proposedCase(id(`R-${course}-${period}`));
    const error = await refused(server, MATCH, { case: caseId, course: id(course), period: id(period) });
    expect(error.extensions).toMatchObject({ code, field });
    expect(
      await db.read("MATCH (k:Case {id: $id}) RETURN k.status AS status, COUNT { (k)<-[:FOR_CASE]-() } AS sprints", {
        id: caseId,
      }),
    ).toEqual([{ status: "PROPOSED", sprints: 0 }]);
  });

  it("refuses a full course with CAPACITY_EXHAUSTED", async () => {
    await ok(server, MATCH, { case: await proposedCase(id("K3")), course: id("C1"), period: id("P1") });
    expect(await capacity(id("C1"), id("P1"))).toMatchObject({ used: 2, remaining: 0 });
    const error = await refused(server, MATCH, { case: await proposedCase(id("K4")), course: id("C1"), period: id("P1") });
    expect(error.extensions).toMatchObject({ code: "CAPACITY_EXHAUSTED", field: "period" });
    expect(error.message).toContain("2 of 2 places are taken");
    expect(await sprintsIn(id("C1"), id("P1"))).toBe(2);
  });

  it("never overbooks: 20 parallel attempts for the last place, exactly one succeeds", async () => {
    // Two of the three places are taken.
    for (const name of ["L1", "L2"])
      await ok(server, MATCH, { case: await proposedCase(id(name)), course: id("C5"), period: id("P1") });
    const contenders = await Promise.all(Array.from({ length: 20 }, (_, i) => proposedCase(id(`race-${i}`))));
    const results = await Promise.all(
      contenders.map((caseId) => server.graphql(MATCH, { case: caseId, course: id("C5"), period: id("P1") })),
    );
    const codes = results.map((r) => (r.errors?.[0]?.extensions?.code as string | undefined) ?? "OK");
    expect(codes.filter((c) => c === "OK")).toHaveLength(1);
    expect(codes.filter((c) => c === "CAPACITY_EXHAUSTED")).toHaveLength(19);
    expect(await sprintsIn(id("C5"), id("P1"))).toBe(3);
    const states = await db.read(
      `MATCH (k:Case) WHERE k.id STARTS WITH $race
       RETURN k.status AS status, count(k) AS cases, sum(COUNT { (k)<-[:FOR_CASE]-(:Sprint) }) AS sprints ORDER BY status`,
      { race: id("race-") },
    );
    expect(states).toEqual([
      { status: "MATCHED", cases: 1, sprints: 1 },
      { status: "PROPOSED", cases: 19, sprints: 0 },
    ]);
  });
});

describe("sprints", () => {
  it("runs a sprint with milestones to completion, and refuses milestones once it is done", async () => {
    const caseId = await proposedCase(id("S1"));
    const sprint = (await ok<{ matchCase: { id: string } }>(server, MATCH, { case: caseId, course: id("C2"), period: id("P1") }))
      .matchCase.id;
    const first = (await ok<{ addMilestone: { id: string } }>(server, ADD_MILESTONE, { sprint, title: "Kick-off", due: day(41) }))
      .addMilestone;
    expect((await ok<{ startSprint: unknown }>(server, START, { sprint })).startSprint).toEqual({
      status: "RUNNING",
      caseStatus: "IN_SPRINT",
    });
    await ok(server, ADD_MILESTONE, { sprint, title: "Demo", due: day(90) });
    expect(
      (await ok<{ completeMilestone: { done: boolean } }>(server, DONE_MILESTONE, { milestone: first.id })).completeMilestone
        .done,
    ).toBe(true);
    expect((await refused(server, DONE_MILESTONE, { milestone: first.id })).extensions).toMatchObject({
      code: "CONFLICT",
      field: "milestone",
    });
    expect((await refused(server, ADD_MILESTONE, { sprint, title: " " })).extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "title",
    });

    const done = (await ok<{ completeSprint: Record<string, unknown> }>(server, COMPLETE, { sprint })).completeSprint;
    expect(done).toEqual({
      status: "COMPLETED",
      caseStatus: "COMPLETED",
      outcome: "Dashboard live",
      smeRating: 5,
      followUpWanted: false,
      milestones: [
        { title: "Kick-off", done: true },
        { title: "Demo", done: false },
      ],
    });
    expect((await refused(server, ADD_MILESTONE, { sprint, title: "Late" })).extensions).toMatchObject({
      code: "ILLEGAL_TRANSITION",
      field: "sprint",
    });
    expect(await db.read("MATCH (:Sprint {id: $id})-[:HAS_MILESTONE]->(m) RETURN count(m) AS n", { id: sprint })).toEqual([
      { n: 2 },
    ]);
  });

  it("gives the place back when a matched case is closed", async () => {
    const before = await capacity(id("C2"), id("P1"));
    const caseId = await proposedCase(id("S2"));
    await ok(server, MATCH, { case: caseId, course: id("C2"), period: id("P1") });
    expect((await capacity(id("C2"), id("P1"))).used).toBe(before.used + 1);
    await ok(server, `mutation($case: ID!) { closeCase(case: $case, reason: WITHDRAWN) { to } }`, { case: id("S2") });
    expect(await capacity(id("C2"), id("P1"))).toEqual(before);
  });
});

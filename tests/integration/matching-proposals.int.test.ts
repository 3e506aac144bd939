import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/platform/neo4j/database.js";
import { connectTestDatabase, resetGraph } from "../helpers/neo4j.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import {
  day,
  instant,
  ok,
  refused,
  seedCase,
  seedCourse,
  seedInstitution,
  seedWorkspace,
  signedInAs,
} from "./cases-graph-fixtures.js";

/** Proposals until matched: cooldown, expiry, answers, and the teachers' digests. */
let db: Database;
let server: TestServer;

const COORD = "coord";
const PROPOSE = `mutation($case: ID!, $teacher: ID!, $course: ID!, $sentAt: String, $force: Boolean) {
  proposeCase(case: $case, teacher: $teacher, course: $course, channel: EMAIL, sentAt: $sentAt, force: $force) {
    id caseStatus state sentAt expiresAt teacherName courseName } }`;
const ANSWER = `mutation($proposal: ID!, $answer: ProposalAnswer!, $reason: String, $answeredAt: String) {
  answerProposal(proposal: $proposal, answer: $answer, reason: $reason, answeredAt: $answeredAt) { id state answer declineReason } }`;
const PROPOSALS = `query($case: ID!) { caseProposals(case: $case) { id state answer } }`;
const DIGEST = `query($teacher: ID!, $date: String, $language: Language) {
  digest(teacher: $teacher, date: $date, language: $language) {
    teacherName language due hasAgreement lastSentOn nextDueOn subject body items { caseId courseId verdict title smeName } } }`;
const DUE = `query($date: String) { dueDigests(date: $date) { teacherId items { caseId } } }`;
const MARK = `mutation($teacher: ID!, $cases: [ID!]) { markDigestSent(teacher: $teacher, cases: $cases) { date proposals { caseId courseId channel state caseStatus } } }`;

interface Proposal {
  id: string;
  caseStatus: string;
  state: string;
  sentAt: string;
  expiresAt: string;
}

async function propose(variables: Record<string, unknown>): Promise<Proposal> {
  return (await ok<{ proposeCase: Proposal }>(server, PROPOSE, { teacher: "tT", course: "A", ...variables })).proposeCase;
}

async function proposalCount(caseId: string): Promise<number> {
  const rows = await db.read("MATCH (:Case {id: $id})<-[:OF_CASE]-(p:Proposal) RETURN count(p) AS n", { id: caseId });
  return Number(rows[0]?.n);
}

beforeAll(async () => {
  db = await connectTestDatabase();
  await resetGraph(db);
  server = await signedInAs(await startTestServer(db), COORD);
  await seedWorkspace(db, { id: "ws", coordinators: [{ id: COORD, name: "Carla" }] });
  await seedInstitution(db, { id: "hbo", kind: "HBO" });
  const window = [{ id: "P1", name: "Blok 2", start: day(40), end: day(100) }];
  await seedCourse(db, {
    id: "A",
    name: "Data Sprint",
    themes: ["data"],
    institution: "hbo",
    teachers: ["tT"],
    periods: window,
    agreement: { casesPerPeriod: 5 },
  });
  await seedCourse(db, {
    id: "B",
    name: "Other course",
    themes: ["data"],
    institution: "hbo",
    teachers: ["tU"],
    periods: window,
    agreement: { casesPerPeriod: 5 },
  });
});

afterAll(async () => {
  await server?.http.close();
  await db?.close();
});

describe("proposeCase", () => {
  it("records the proposal with its expiry and moves a QUALIFIED case to PROPOSED", async () => {
    await seedCase(db, { id: "K1", coordinator: COORD });
    const p = await propose({ case: "K1" });
    expect(p).toMatchObject({ caseStatus: "PROPOSED", state: "OPEN" });
    expect(Date.parse(p.expiresAt) - Date.parse(p.sentAt)).toBe(14 * 86_400_000);
    const rows = await db.read(
      `MATCH (k:Case {id: 'K1'})<-[:OF_CASE]-(p:Proposal)-[:TO_TEACHER]->(t:Person), (p)-[:FOR_COURSE]->(c:Course)
       RETURN k.status AS status, t.id AS teacher, c.id AS course, p.channel AS channel, p.sentBy AS by`,
    );
    expect(rows).toEqual([{ status: "PROPOSED", teacher: "tT", course: "A", channel: "EMAIL", by: COORD }]);
  });

  it("refuses the same case to the same teacher within the cooldown unless forced", async () => {
    await seedCase(db, { id: "K2" });
    await propose({ case: "K2" });
    const error = await refused(server, PROPOSE, { case: "K2", teacher: "tT", course: "A" });
    expect(error.extensions).toMatchObject({ code: "COOLDOWN", field: "teacher" });
    expect(error.message).toContain(`until ${day(60)}`);
    expect(await proposalCount("K2")).toBe(1);
    // Another teacher is fine, and so is the same one when forced.
    await propose({ case: "K2", teacher: "tU", course: "B" });
    await propose({ case: "K2", force: true });
    expect(await proposalCount("K2")).toBe(3);
  });

  it("counts the cooldown from when the last proposal was sent: 61 days ago is free, 59 days ago is not", async () => {
    await seedCase(db, { id: "K3" });
    await propose({ case: "K3", sentAt: instant(-61) });
    await propose({ case: "K3" });
    await seedCase(db, { id: "K4" });
    await propose({ case: "K4", sentAt: instant(-59) });
    expect((await refused(server, PROPOSE, { case: "K4", teacher: "tT", course: "A" })).extensions).toMatchObject({
      code: "COOLDOWN",
    });
    expect([await proposalCount("K3"), await proposalCount("K4")]).toEqual([2, 1]);
  });

  it("refuses a teacher who does not teach the course, and a send date in the future", async () => {
    await seedCase(db, { id: "K5" });
    expect((await refused(server, PROPOSE, { case: "K5", teacher: "tU", course: "A" })).extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "course",
    });
    expect(
      (await refused(server, PROPOSE, { case: "K5", teacher: "tT", course: "A", sentAt: instant(2) })).extensions,
    ).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "sentAt",
    });
    expect((await refused(server, PROPOSE, { case: "K5", teacher: "nobody", course: "A" })).extensions).toMatchObject({
      code: "NOT_FOUND",
      field: "teacher",
    });
    expect(await proposalCount("K5")).toBe(0);
    expect(await db.read("MATCH (k:Case {id: 'K5'}) RETURN k.status AS s")).toEqual([{ s: "QUALIFIED" }]);
  });
});

describe("answers and expiry", () => {
  it("counts a proposal without answer as expired after 14 days, and refuses answering it", async () => {
    await seedCase(db, { id: "E1" });
    const old = await propose({ case: "E1", sentAt: instant(-15) });
    await seedCase(db, { id: "E2" });
    const recent = await propose({ case: "E2", sentAt: instant(-13) });
    expect((await ok<{ caseProposals: Array<{ state: string }> }>(server, PROPOSALS, { case: "E1" })).caseProposals).toEqual([
      { id: old.id, state: "EXPIRED", answer: null },
    ]);
    expect((await ok<{ caseProposals: Array<{ state: string }> }>(server, PROPOSALS, { case: "E2" })).caseProposals).toEqual([
      { id: recent.id, state: "OPEN", answer: null },
    ]);
    const error = await refused(server, ANSWER, { proposal: old.id, answer: "INTERESTED" });
    expect(error.extensions).toMatchObject({ code: "ILLEGAL_TRANSITION", field: "proposal" });
    expect(await db.read("MATCH (p:Proposal {id: $id}) RETURN p.answer AS a", { id: old.id })).toEqual([{ a: null }]);
    const answered = await ok<{ answerProposal: { state: string; answer: string } }>(server, ANSWER, {
      proposal: recent.id,
      answer: "INTERESTED",
    });
    expect(answered.answerProposal).toMatchObject({ state: "ANSWERED", answer: "INTERESTED" });
  });

  it("needs a reason to decline, answers once, and shows the answer in the timeline", async () => {
    await seedCase(db, { id: "E3" });
    const p = await propose({ case: "E3" });
    expect((await refused(server, ANSWER, { proposal: p.id, answer: "DECLINED" })).extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "reason",
    });
    expect(
      (await refused(server, ANSWER, { proposal: p.id, answer: "NOT_NOW", answeredAt: instant(-1) })).extensions,
    ).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "answeredAt",
    });
    const declined = await ok<{ answerProposal: { declineReason: string } }>(server, ANSWER, {
      proposal: p.id,
      answer: "DECLINED",
      reason: "Vol dit blok",
    });
    expect(declined.answerProposal.declineReason).toBe("Vol dit blok");
    expect((await refused(server, ANSWER, { proposal: p.id, answer: "INTERESTED" })).extensions).toMatchObject({
      code: "CONFLICT",
      field: "proposal",
    });
    expect(
      await db.read("MATCH (p:Proposal {id: $id}) RETURN p.answer AS a, p.declineReason AS r, p.answeredBy AS by", { id: p.id }),
    ).toEqual([{ a: "DECLINED", r: "Vol dit blok", by: COORD }]);
    const timeline = await ok<{ caseTimeline: Array<{ kind: string; answer: string | null; reason: string | null }> }>(
      server,
      `query { caseTimeline(case: "E3") { kind answer reason } }`,
    );
    expect(timeline.caseTimeline.at(-1)).toEqual({ kind: "PROPOSAL_ANSWERED", answer: "DECLINED", reason: "Vol dit blok" });
  });
});

describe("digests", () => {
  interface DigestData {
    teacherName: string;
    language: string;
    due: boolean;
    hasAgreement: boolean;
    lastSentOn: string | null;
    nextDueOn: string | null;
    subject: string;
    body: string;
    items: Array<{ caseId: string; courseId: string; verdict: string; title: string }>;
  }
  async function digest(teacher: string, extra: Record<string, unknown> = {}): Promise<DigestData> {
    return (await ok<{ digest: DigestData }>(server, DIGEST, { teacher, ...extra })).digest;
  }
  async function due(date: string): Promise<string[]> {
    return (await ok<{ dueDigests: Array<{ teacherId: string }> }>(server, DUE, { date })).dueDigests.map((d) => d.teacherId);
  }

  beforeAll(async () => {
    const window = [{ id: "PD", name: "Blok D", start: day(40), end: day(100) }];
    // tD: a rhythm and an agreement. tX: an agreement but no rhythm. tY: a rhythm but no agreement.
    await seedCourse(db, {
      id: "AD",
      name: "Analytics Lab",
      themes: ["analytics"],
      institution: "hbo",
      teachers: ["tD"],
      periods: window,
      agreement: { casesPerPeriod: 5 },
    });
    await seedCourse(db, {
      id: "BD",
      name: "BI Minor",
      themes: ["analytics"],
      institution: "hbo",
      teachers: ["tX"],
      periods: window,
      agreement: { casesPerPeriod: 5 },
    });
    await seedCourse(db, {
      id: "CD",
      name: "Loose course",
      themes: ["analytics"],
      institution: "hbo",
      teachers: ["tY"],
      periods: window,
    });
    await db.write(
      `MATCH (t:Person {id: 'tD'}) SET t.digestEveryDays = 14, t.language = 'EN', t.name = 'Dana', t.email = 'dana@hva.nl'`,
    );
    await db.write(`MATCH (t:Person {id: 'tY'}) SET t.digestEveryDays = 7`);

    const analytics = { topics: ["analytics"], wantedLevels: ["HBO"] };
    await seedCase(db, { id: "D1", title: "Sales dashboard", ...analytics });
    await seedCase(db, { id: "D2", title: "Sent long ago", status: "PROPOSED", ...analytics });
    await seedCase(db, { id: "D3", title: "Sent to someone else", status: "PROPOSED", ...analytics });
    await seedCase(db, { id: "D4", title: "Still in intake", status: "INTAKE", ...analytics });
    await seedCase(db, { id: "D5", title: "Wants WO", wantedLevels: ["WO"], topics: ["analytics"] });
    await seedCase(db, { id: "D6", title: "Matched", status: "MATCHED", ...analytics });
    await seedCase(db, { id: "D7", title: "Too soon", deadline: day(35), ...analytics });
    // D2 went to tD 100 days ago (outside any cooldown): a digest still never lists it again.
    await db.write(
      `MATCH (k:Case {id: 'D2'}), (t:Person {id: 'tD'}), (c:Course {id: 'AD'})
       CREATE (p:Proposal {id: 'old-D2', sentAt: datetime($sent), expiresAt: datetime($sent) + duration('P14D'), channel: 'EMAIL'})
       CREATE (p)-[:OF_CASE]->(k), (p)-[:TO_TEACHER]->(t), (p)-[:FOR_COURSE]->(c)`,
      { sent: instant(-100) },
    );
    await db.write(
      `MATCH (k:Case {id: 'D3'}), (t:Person {id: 'tX'}), (c:Course {id: 'BD'})
       CREATE (p:Proposal {id: 'x-D3', sentAt: datetime($sent), expiresAt: datetime($sent) + duration('P14D'), channel: 'EMAIL'})
       CREATE (p)-[:OF_CASE]->(k), (p)-[:TO_TEACHER]->(t), (p)-[:FOR_COURSE]->(c)`,
      { sent: instant(-2) },
    );
  });

  it("lists the open, fitting cases not yet sent to the teacher, as an English e-mail", async () => {
    const d = await digest("tD");
    expect(d.items.map((i) => [i.caseId, i.courseId])).toEqual([
      ["D1", "AD"],
      ["D3", "AD"],
    ]);
    expect(d).toMatchObject({ teacherName: "Dana", language: "EN", due: true, hasAgreement: true, lastSentOn: null });
    expect(d.subject).toBe(`2 SME cases for your courses (${day(0)})`);
    expect(d.body).toContain("Dear Dana,");
    expect(d.body).toContain("1. Sales dashboard — SME sme-D1, Haarlem");
    expect(d.body).toContain("Course: Analytics Lab (Blok D, from");
    expect(d.body).not.toContain("Sent long ago");
  });

  it("renders in Dutch when asked", async () => {
    const d = await digest("tD", { language: "NL" });
    expect(d.subject).toBe(`2 casussen van mkb-ondernemers voor uw vakken (${day(0)})`);
    expect(d.body).toContain("Beste Dana,");
  });

  it("lists as due only teachers with a rhythm, an agreement and something to send", async () => {
    expect(await due(day(0))).toEqual(["tD"]);
    const noAgreement = await digest("tY");
    expect(noAgreement).toMatchObject({ hasAgreement: false, due: false, items: [] });
  });

  it("refuses to mark cases sent that are not in the digest, and changes nothing", async () => {
    const before = await db.read("MATCH (p:Proposal) RETURN count(p) AS n");
    const error = await refused(server, MARK, { teacher: "tD", cases: ["D1", "D2"] });
    expect(error.extensions).toMatchObject({ code: "CONFLICT", field: "cases" });
    expect(await db.read("MATCH (p:Proposal) RETURN count(p) AS n")).toEqual(before);
    expect(await db.read("MATCH (t:Person {id: 'tD'}) RETURN t.lastDigestSentOn AS last")).toEqual([{ last: null }]);
  });

  it("marks the digest sent: one EMAIL proposal per case, the send date, and then never lists those cases again", async () => {
    const sent = await ok<{
      markDigestSent: {
        date: string;
        proposals: Array<{ caseId: string; courseId: string; channel: string; caseStatus: string }>;
      };
    }>(server, MARK, { teacher: "tD" });
    expect(sent.markDigestSent.date).toBe(day(0));
    expect(sent.markDigestSent.proposals.map((p) => [p.caseId, p.courseId, p.channel, p.caseStatus]).sort()).toEqual([
      ["D1", "AD", "EMAIL", "PROPOSED"],
      ["D3", "AD", "EMAIL", "PROPOSED"],
    ]);
    const rows = await db.read(
      `MATCH (t:Person {id: 'tD'})
       RETURN toString(t.lastDigestSentOn) AS last,
              COLLECT { MATCH (:Case {id: 'D1'})-[:HAD_EVENT]->(e:CaseEvent {to: 'PROPOSED'}) RETURN e.from } AS d1Events`,
    );
    expect(rows).toEqual([{ last: day(0), d1Events: ["QUALIFIED"] }]);

    const after = await digest("tD");
    expect(after).toMatchObject({ items: [], due: false, lastSentOn: day(0), nextDueOn: day(14) });
    expect(await due(day(0))).toEqual([]);
    expect((await refused(server, MARK, { teacher: "tD" })).extensions).toMatchObject({ code: "CONFLICT", field: "teacher" });

    // A new case shows up in the next digest, alone.
    await seedCase(db, { id: "D8", title: "New question", topics: ["Analytics"], wantedLevels: ["HBO", "MBO"] });
    expect((await digest("tD")).items.map((i) => i.caseId)).toEqual(["D8"]);
    expect(await due(day(13))).toEqual([]);
    expect(await due(day(14))).toEqual(["tD"]);
  });
});

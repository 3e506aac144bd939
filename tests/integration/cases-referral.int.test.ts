import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphFingerprint } from "../../server/domains/backup/graph-fingerprint.js";
import { migrateCaseGraph } from "../../server/domains/case-workflow/index.js";
import { nowIso } from "../../server/platform/clock/read-clock.js";
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

/**
 * Issue #12 parts 4–6 through the real endpoint: a referral belongs to the case (a second intake of
 * one SME through another partner keeps the first case's partner), matching or closing withdraws the
 * case's open proposals (out of reply rates and open counts), follow-ups on proposals, the
 * overridable checks of matchCase and startSprint, and the migrations at start (run twice = same graph).
 */
let db: Database;
let server: TestServer;

const COORD = "ref-coord";
const TEACHER_A = "ref-teacher-a";
const TEACHER_B = "ref-teacher-b";
const BANKER = "ref-banker";

const INTAKE = `mutation($input: CaseIntakeInput!) { intakeCase(input: $input) { caseId smeId partnerId } }`;
const QUALIFY = `mutation($case: ID!) { qualifyCase(case: $case) { to } }`;
const PROPOSE = `mutation($case: ID!, $teacher: ID!, $course: ID!) {
  proposeCase(case: $case, teacher: $teacher, course: $course, channel: EMAIL) { id state } }`;
const ANSWER = `mutation($proposal: ID!) { answerProposal(proposal: $proposal, answer: INTERESTED) { state } }`;
const MATCH = `mutation($case: ID!, $course: ID!, $period: ID!, $force: Boolean, $reason: String) {
  matchCase(case: $case, course: $course, period: $period, force: $force, reason: $reason) { id status caseStatus } }`;
const START = `mutation($sprint: ID!, $force: Boolean, $reason: String) {
  startSprint(sprint: $sprint, force: $force, reason: $reason) { status caseStatus } }`;
const CLOSE = `mutation($case: ID!) { closeCase(case: $case, reason: NO_MATCH) { to } }`;
const PROPOSALS = `query($case: ID!) { caseProposals(case: $case) { id teacherId state withdrawnAt withdrawnReason
  followUps { channel note at by } } }`;
const FOLLOW_UP = `mutation($proposal: ID!, $note: String) {
  logProposalFollowUp(proposal: $proposal, channel: PHONE, note: $note) { id state followUps { channel note by } } }`;

function intakeInput(partner: Record<string, unknown>, title: string): Record<string, unknown> {
  return {
    sme: { name: "Fietsenmaker Yilmaz", kvkNumber: "4455 6677", city: "Haarlem" },
    partner,
    title,
    topics: ["data"],
    wantedLevels: ["HBO"],
    effort: "SPRINT",
    earliestStart: day(10),
    deadline: day(200),
  };
}

/** A case taken in, qualified and proposed to both teachers of the HBO course, through the API. */
async function proposedTwice(title: string): Promise<{ caseId: string; proposals: string[] }> {
  const { intakeCase } = await ok<{ intakeCase: { caseId: string } }>(server, INTAKE, {
    input: { ...intakeInput({ id: "ref-kvk" }, title), sme: { name: `SME ${title}`, city: "Zaandam" } },
  });
  await ok(server, QUALIFY, { case: intakeCase.caseId });
  const proposals: string[] = [];
  for (const teacher of [TEACHER_A, TEACHER_B]) {
    const sent = await ok<{ proposeCase: { id: string } }>(server, PROPOSE, {
      case: intakeCase.caseId,
      teacher,
      course: "ref-c-hbo",
    });
    proposals.push(sent.proposeCase.id);
  }
  return { caseId: intakeCase.caseId, proposals };
}

async function proposalsOf(caseId: string): Promise<Array<Record<string, unknown>>> {
  return (await ok<{ caseProposals: Array<Record<string, unknown>> }>(server, PROPOSALS, { case: caseId })).caseProposals;
}

beforeAll(async () => {
  db = await connectTestDatabase();
  await resetGraph(db);
  server = await signedInAs(await startTestServer(db), COORD);
  await seedWorkspace(db, { id: "ref-ws", coordinators: [{ id: COORD, name: "Carla Coördinator" }] });
  await db.write(
    `CREATE (bank:Partner {id: 'ref-bank', name: 'Amstel Ondernemersbank', kind: 'BANK'}),
            (:Partner {id: 'ref-kvk', name: 'Kamer van Koophandel', kind: 'CHAMBER_OF_COMMERCE'}),
            (:Person {id: $banker, name: 'Bea Bankier'})-[:WORKS_AT]->(bank)`,
    { banker: BANKER },
  );
  await seedInstitution(db, { id: "ref-hbo", kind: "HBO" });
  await seedInstitution(db, { id: "ref-mbo", kind: "MBO" });
  await seedCourse(db, {
    id: "ref-c-hbo",
    name: "Data Sprint",
    themes: ["data"],
    institution: "ref-hbo",
    teachers: [TEACHER_A, TEACHER_B],
    // Under way: startSprint needs no override here.
    periods: [{ id: "ref-p-now", name: "Blok 1", start: day(-5), end: day(60) }],
    agreement: { casesPerPeriod: null },
  });
  await seedCourse(db, {
    id: "ref-c-mbo",
    name: "Webshop MBO",
    themes: ["data"],
    institution: "ref-mbo",
    teachers: [TEACHER_A],
    periods: [{ id: "ref-p-later", name: "Blok 3", start: day(90), end: day(150) }],
    agreement: { casesPerPeriod: null },
  });
});

afterAll(async () => {
  await server?.http.close();
  await db?.close();
});

describe("a referral belongs to the case", () => {
  it("keeps each case's own partner when one KvK number comes in twice through two partners", async () => {
    const first = (
      await ok<{ intakeCase: { caseId: string; smeId: string } }>(server, INTAKE, {
        input: { ...intakeInput({ id: "ref-bank", person: BANKER }, "Webshop"), referredOn: day(-20) },
      })
    ).intakeCase;
    const second = (
      await ok<{ intakeCase: { caseId: string; smeId: string } }>(server, INTAKE, {
        input: { ...intakeInput({ id: "ref-kvk" }, "Boekhouding"), referredOn: day(-2) },
      })
    ).intakeCase;
    expect(second.smeId).toBe(first.smeId);

    const rows = parse((await ok<{ exportCasesCsv: string }>(server, "{ exportCasesCsv }")).exportCasesCsv, {
      columns: true,
      bom: true,
    }) as Array<Record<string, string>>;
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(first.caseId)).toMatchObject({
      referredBy: "Amstel Ondernemersbank",
      referringPartnerId: "ref-bank",
      referralDate: day(-20),
      referringPersonId: BANKER,
    });
    expect(byId.get(second.caseId)).toMatchObject({ referredBy: "Kamer van Koophandel", referringPartnerId: "ref-kvk" });

    const yieldRows = (
      await ok<{ partnerYield: Array<{ partnerId: string; referredSmes: number; cases: number }> }>(
        server,
        `query($from: String) { partnerYield(from: $from) { partnerId referredSmes cases } }`,
        { from: day(-30) },
      )
    ).partnerYield;
    expect(yieldRows).toEqual([
      { partnerId: "ref-bank", referredSmes: 1, cases: 1 },
      { partnerId: "ref-kvk", referredSmes: 1, cases: 1 },
    ]);

    // The generated API: the case names its partner and the referring person; the SME's view is derived.
    const view = await ok<{ cases: Array<{ referredBy: Array<{ id: string }>; referringPerson: { id: string } | null }> }>(
      server,
      `query($id: ID!) { cases(where: { id: { eq: $id } }) { referredBy { id } referringPerson { id } } }`,
      { id: first.caseId },
    );
    expect(view.cases).toEqual([{ referredBy: [{ id: "ref-bank" }], referringPerson: { id: BANKER } }]);
    const sme = await ok<{ smes: Array<{ referredBy: Array<{ id: string }> }> }>(
      server,
      `query($id: ID!) { smes(where: { id: { eq: $id } }) { referredBy { id } } }`,
      { id: first.smeId },
    );
    expect(sme.smes).toEqual([{ referredBy: [{ id: "ref-bank" }, { id: "ref-kvk" }] }]);
  });

  it("refuses a referring person who does not work at the partner, writing nothing", async () => {
    const before = await graphFingerprint(db);
    const error = await refused(server, INTAKE, { input: intakeInput({ id: "ref-kvk", person: BANKER }, "Derde vraag") });
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "partner.person" });
    expect(await graphFingerprint(db)).toEqual(before);
  });
});

describe("matching or closing withdraws the other open proposals", () => {
  it("withdraws the unanswered proposal at match, and leaves it out of reply rates and open counts", async () => {
    const { caseId, proposals } = await proposedTwice("Match");
    const [toA, toB] = proposals as [string, string];
    await ok(server, ANSWER, { proposal: toA });
    await ok(server, MATCH, { case: caseId, course: "ref-c-hbo", period: "ref-p-now" });

    const listed = await proposalsOf(caseId);
    expect(listed.find((p) => p.id === toA)).toMatchObject({ state: "ANSWERED", withdrawnAt: null });
    expect(listed.find((p) => p.id === toB)).toMatchObject({ state: "WITHDRAWN", withdrawnReason: "CASE_MATCHED" });
    expect(listed.find((p) => p.id === toB)?.withdrawnAt).toEqual(expect.any(String));

    // Long after the expiry, B's proposal still does not count as expired against B.
    const rates = (
      await ok<{ teacherResponseRates: Array<Record<string, unknown>> }>(
        server,
        `query($asOf: String) { teacherResponseRates(asOf: $asOf) { teacherId sent answered expired open withdrawn } }`,
        { asOf: instant(60) },
      )
    ).teacherResponseRates;
    expect(rates.find((r) => r.teacherId === TEACHER_B)).toBeUndefined();
    expect(rates.find((r) => r.teacherId === TEACHER_A)).toMatchObject({ sent: 1, answered: 1, expired: 0, withdrawn: 0 });

    const embedding = await ok<{ embedding: { activity: { openProposals: number } } }>(
      server,
      `query($asOf: String) { embedding(programme: "prog-ref-hbo", asOf: $asOf) { activity { openProposals } } }`,
      { asOf: day(0) },
    );
    expect(embedding.embedding.activity.openProposals).toBe(0);

    // The withdrawn proposal can be neither answered nor followed up.
    expect((await refused(server, ANSWER, { proposal: toB })).extensions).toMatchObject({
      code: "ILLEGAL_TRANSITION",
      field: "proposal",
    });
    expect((await refused(server, FOLLOW_UP, { proposal: toB })).extensions).toMatchObject({ code: "ILLEGAL_TRANSITION" });
  });

  it("withdraws every open proposal when the case is closed", async () => {
    const { caseId } = await proposedTwice("Close");
    await ok(server, CLOSE, { case: caseId });
    expect((await proposalsOf(caseId)).map((p) => [p.state, p.withdrawnReason])).toEqual([
      ["WITHDRAWN", "CASE_CLOSED"],
      ["WITHDRAWN", "CASE_CLOSED"],
    ]);
  });

  it("logs a follow-up without a new proposal and without tripping the cooldown", async () => {
    const { caseId, proposals } = await proposedTwice("Follow-up");
    const followed = await ok<{ logProposalFollowUp: Record<string, unknown> }>(server, FOLLOW_UP, {
      proposal: proposals[0],
      note: "Gebeld, ze kijkt er vrijdag naar",
    });
    expect(followed.logProposalFollowUp).toMatchObject({
      state: "OPEN",
      followUps: [{ channel: "PHONE", note: "Gebeld, ze kijkt er vrijdag naar", by: COORD }],
    });
    expect(await proposalsOf(caseId)).toHaveLength(2);
    const timeline = await ok<{ caseTimeline: Array<{ kind: string }> }>(
      server,
      `query($case: ID!) { caseTimeline(case: $case) { kind } }`,
      { case: caseId },
    );
    expect(timeline.caseTimeline.filter((e) => e.kind === "PROPOSAL_FOLLOW_UP")).toHaveLength(1);
    // The cooldown still dates from the proposal, so proposing again is refused as before, no later.
    const again = await refused(server, PROPOSE, { case: caseId, teacher: TEACHER_A, course: "ref-c-hbo" });
    expect(again.extensions).toMatchObject({ code: "COOLDOWN" });
  });
});

describe("sanity at match and start", () => {
  it("refuses an HBO-only case in an MBO course, and matches it when forced with a reason kept on the event", async () => {
    const { caseId } = await proposedTwice("Level");
    const before = await graphFingerprint(db);
    const error = await refused(server, MATCH, { case: caseId, course: "ref-c-mbo", period: "ref-p-later" });
    expect(error.extensions).toMatchObject({ code: "LEVEL_MISMATCH", field: "course", overridable: true });
    expect(await graphFingerprint(db)).toEqual(before);

    const noReason = await refused(server, MATCH, { case: caseId, course: "ref-c-mbo", period: "ref-p-later", force: true });
    expect(noReason.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "reason" });

    const matched = await ok<{ matchCase: { id: string; caseStatus: string } }>(server, MATCH, {
      case: caseId,
      course: "ref-c-mbo",
      period: "ref-p-later",
      force: true,
      reason: "Het MBO-team neemt het data-deel op zich",
    });
    expect(matched.matchCase.caseStatus).toBe("MATCHED");
    const [event] = await db.read(
      `MATCH (:Case {id: $id})-[:HAD_EVENT]->(e:CaseEvent {to: 'MATCHED'}) RETURN e.reason AS reason, e.overrode AS overrode`,
      { id: caseId },
    );
    expect(event).toEqual({ reason: "Het MBO-team neemt het data-deel op zich", overrode: ["LEVEL_MISMATCH"] });

    // Its period starts in 90 days: starting now is refused unless forced, with the reason on the event.
    const early = await refused(server, START, { sprint: matched.matchCase.id });
    expect(early.extensions).toMatchObject({ code: "BEFORE_PERIOD", field: "sprint", periodStart: day(90) });
    const started = await ok<{ startSprint: unknown }>(server, START, {
      sprint: matched.matchCase.id,
      force: true,
      reason: "Zomerschool",
    });
    expect(started.startSprint).toEqual({ status: "RUNNING", caseStatus: "IN_SPRINT" });
    const timeline = await ok<{ caseTimeline: Array<{ to: string | null; reason: string | null; overrode: string[] }> }>(
      server,
      `query($case: ID!) { caseTimeline(case: $case) { to reason overrode } }`,
      { case: caseId },
    );
    expect(timeline.caseTimeline.find((e) => e.to === "IN_SPRINT")).toEqual({
      to: "IN_SPRINT",
      reason: "Zomerschool",
      overrode: ["BEFORE_PERIOD"],
    });
  });
});

describe("the migrations at start", () => {
  it("moves SME referrals to the cases and withdraws stale proposals; a second run changes nothing", async () => {
    // A graph as an earlier version left it: referrals on the SME (two partners), an open proposal on a matched case.
    await seedCase(db, { id: "mig-k1", sme: "mig-sme", status: "PROPOSED", created: instant(-40) });
    await seedCase(db, { id: "mig-k2", sme: "mig-sme", status: "MATCHED", created: instant(-5) });
    await db.write(
      `MATCH (s:Sme {id: 'mig-sme'}), (bank:Partner {id: 'ref-bank'}), (kvk:Partner {id: 'ref-kvk'})
       CREATE (bank)-[:REFERRED {date: date($early)}]->(s), (kvk)-[:REFERRED {date: date($late)}]->(s)
       WITH s
       MATCH (k:Case {id: 'mig-k2'}), (t:Person {id: $teacher}), (c:Course {id: 'ref-c-hbo'})
       CREATE (p:Proposal {id: 'mig-p', sentAt: datetime($sent), expiresAt: datetime($sent) + duration('P14D'), channel: 'EMAIL'})
       CREATE (p)-[:OF_CASE]->(k), (p)-[:TO_TEACHER]->(t), (p)-[:FOR_COURSE]->(c)`,
      { early: day(-45), late: day(-8), sent: instant(-8), teacher: TEACHER_B },
    );

    const first = await migrateCaseGraph(db, nowIso());
    expect(first).toEqual({ referralsMoved: 2, smeReferralsDropped: 2, proposalsWithdrawn: 1 });
    // Each case takes the referral that came before it: the bank's for the old case, the KvK's for the new one.
    expect(
      await db.read(
        `MATCH (p:Partner)-[r:REFERRED]->(k:Case) WHERE k.id STARTS WITH 'mig-' RETURN k.id AS k, p.id AS p, toString(r.date) AS date ORDER BY k`,
      ),
    ).toEqual([
      { k: "mig-k1", p: "ref-bank", date: day(-45) },
      { k: "mig-k2", p: "ref-kvk", date: day(-8) },
    ]);
    expect(await db.read(`MATCH (:Partner)-[r:REFERRED]->(:Sme) RETURN count(r) AS n`)).toEqual([{ n: 0 }]);
    // Withdrawn as of the case's MATCHED event (seedCase wrote it at the case's creation).
    expect(
      await db.read(
        `MATCH (p:Proposal {id: 'mig-p'})-[:OF_CASE]->(k:Case)-[:HAD_EVENT]->(e:CaseEvent {to: 'MATCHED'})
         RETURN p.withdrawnReason AS reason, p.withdrawnAt = e.at AS atMatch`,
      ),
    ).toEqual([{ reason: "CASE_MATCHED", atMatch: true }]);

    const after = await graphFingerprint(db);
    expect(await migrateCaseGraph(db, nowIso())).toEqual({ referralsMoved: 0, smeReferralsDropped: 0, proposalsWithdrawn: 0 });
    expect(await graphFingerprint(db)).toEqual(after);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signToken } from "../../server/platform/auth/sign-token.js";
import type { Role } from "../../server/platform/auth/roles.js";
import { loadConfig } from "../../server/platform/config.js";
import type { Database } from "../../server/platform/neo4j/database.js";
import { connectTestDatabase, ownScope, type OwnScope } from "../helpers/neo4j.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { noteTestAccount } from "../helpers/test-accounts.js";
import { gql } from "../helpers/trust-requests.js";
import { day, linkTopics } from "./cases-graph-fixtures.js";

/**
 * The institution portal (issue #18 part 2) on a hand-built graph of its own (ownScope): one institution with two
 * programmes A and B, one course each about the same (file-unique) topic, a contact coordinating each programme, a
 * teacher of A's course. What each one's portal holds, and claim, confirm/decline, forward and answering one's own
 * proposal — each refusal with its code and field, a case or course outside the scope answered as no such thing.
 */
let db: Database;
let scope: OwnScope;
let coordinator: TestServer;
const tokens = new Map<string, string>();
let id: (name: string) => string;

async function portalToken(person: string, roles: Role[]): Promise<string> {
  const config = loadConfig({ NODE_ENV: "test" });
  noteTestAccount(`user-${person}`);
  return (await signToken(config, { id: `user-${person}`, roles, personId: person })).token;
}

async function as(who: string, query: string, variables?: Record<string, unknown>) {
  return (await gql(coordinator.http.url, query, variables, tokens.get(who))).body;
}

const PORTAL = `query { myPortal(language: EN) {
  person { id name }
  programmes { id name led }
  courses { id name teaches }
  fittingCases { caseId title courseId score verdict reason sharedTopics claimState }
  agreements { id scope covers capacity { courseId periodId casesPerPeriod used remaining } }
  proposals { id caseId teacherId courseId state origin claimState }
  sprints { id }
} }`;

interface PortalAnswer {
  person: { id: string };
  programmes: Array<{ id: string; led: boolean }>;
  courses: Array<{ id: string; teaches: boolean }>;
  fittingCases: Array<{ caseId: string; courseId: string; verdict: string; reason: string; claimState: string | null }>;
  agreements: Array<{ id: string; capacity: Array<{ courseId: string }> }>;
  proposals: Array<{ id: string; caseId: string; origin: string | null; claimState: string | null; teacherId: string }>;
}

async function portalOf(who: string): Promise<PortalAnswer> {
  const body = await as(who, PORTAL);
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return (body.data as { myPortal: PortalAnswer }).myPortal;
}

const CLAIM = `mutation($caseId: ID!, $courseId: ID!, $note: String) {
  claimCase(caseId: $caseId, courseId: $courseId, note: $note) { id caseId courseId teacherId origin claimState answer state } }`;
const FORWARD = `mutation($caseId: ID!, $colleague: ColleagueInput!, $note: String) {
  forwardCase(caseId: $caseId, colleague: $colleague, note: $note) {
    colleagueId colleagueCreated proposal { id caseId teacherId origin state } } }`;

beforeAll(async () => {
  db = await connectTestDatabase();
  scope = await ownScope(db);
  id = scope.id;
  coordinator = await startTestServer(db);
  const word = `${scope.prefix}robotica`;
  await db.write(
    `CREATE (i:Institution {id: $p + 'inst', name: 'Hogeschool ' + $p, kind: 'HBO'})
     CREATE (period:TeachingPeriod {id: $p + 'period', name: 'Blok 3', academicYear: '2026-2027',
                                    startDate: date($start), endDate: date($end)})
     CREATE (i)-[:HAS_PERIOD]->(period)
     CREATE (a:Programme {id: $p + 'progA', name: 'Programme A', level: 'BACHELOR', mappingStatus: 'AGREEMENT'})-[:OFFERED_BY]->(i)
     CREATE (b:Programme {id: $p + 'progB', name: 'Programme B', level: 'BACHELOR', mappingStatus: 'AGREEMENT'})-[:OFFERED_BY]->(i)
     CREATE (ca:Course {id: $p + 'courseA', name: 'Course A', kind: 'PROJECT', themes: [$word], mappingStatus: 'AGREEMENT'})-[:PART_OF]->(a)
     CREATE (cb:Course {id: $p + 'courseB', name: 'Course B', kind: 'PROJECT', themes: [$word], mappingStatus: 'AGREEMENT'})-[:PART_OF]->(b)
     CREATE (ca)-[:RUNS_IN]->(period), (cb)-[:RUNS_IN]->(period)
     CREATE (:Person {id: $p + 'contactA', name: 'Anna Contact'})-[:COORDINATES]->(a)
     CREATE (:Person {id: $p + 'contactB', name: 'Bert Contact'})-[:COORDINATES]->(b)
     CREATE (:Person {id: $p + 'teacherA', name: 'Tom Teacher'})-[:TEACHES]->(ca)
     CREATE (:Person {id: $p + 'teacherB', name: 'Tess Teacher'})-[:TEACHES]->(cb)
     CREATE (:Agreement {id: $p + 'agrA', scope: 'COURSE', assignmentTypes: ['PROJECT'], casesPerPeriod: 2, structural: true,
                         validFrom: date($from)})-[:COVERS]->(ca)
     CREATE (:Agreement {id: $p + 'agrB', scope: 'COURSE', assignmentTypes: ['PROJECT'], casesPerPeriod: 1, structural: true,
                         validFrom: date($from)})-[:COVERS]->(cb)
     CREATE (:Agreement {id: $p + 'agrI', scope: 'INSTITUTION', assignmentTypes: ['PROJECT'], casesPerPeriod: 3, structural: true,
                         validFrom: date($from)})-[:COVERS]->(i)
     WITH 1 AS one
     UNWIND [['fits', 'QUALIFIED', [$word]], ['other', 'QUALIFIED', [$p + 'kaas']], ['intake', 'INTAKE', [$word]]] AS k
     CREATE (:Sme {id: $p + 'sme-' + k[0], name: 'SME ' + k[0], city: 'Haarlem'})
            -[:ASKED]->(:Case {id: $p + k[0], title: 'Case ' + k[0], question: 'Robots in the workshop', status: k[1], topics: k[2],
                              wantedLevels: ['HBO'], effort: 'SPRINT', earliestStart: date($earliest), deadline: date($deadline),
                              created: datetime()})`,
    { p: scope.prefix, word, start: day(40), end: day(100), from: day(-365), earliest: day(30), deadline: day(150) },
  );
  for (const course of ["courseA", "courseB"]) await linkTopics(db, "Course", id(course));
  for (const k of ["fits", "other", "intake"]) await linkTopics(db, "Case", id(k));
  // A coordinator's proposal of the fitting case to B's teacher: B's business only.
  await db.write(
    `MATCH (k:Case {id: $p + 'fits'}), (t:Person {id: $p + 'teacherB'}), (c:Course {id: $p + 'courseB'})
     CREATE (pr:Proposal {id: $p + 'propB', sentAt: datetime(), channel: 'EMAIL', expiresAt: datetime() + duration({days: 14})})
     CREATE (pr)-[:OF_CASE]->(k), (pr)-[:TO_TEACHER]->(t), (pr)-[:FOR_COURSE]->(c)
     WITH k
     MATCH (ta:Person {id: $p + 'teacherA'}), (ca:Course {id: $p + 'courseA'})
     CREATE (pa:Proposal {id: $p + 'propA', sentAt: datetime(), channel: 'EMAIL', expiresAt: datetime() + duration({days: 14})})
     CREATE (pa)-[:OF_CASE]->(k), (pa)-[:TO_TEACHER]->(ta), (pa)-[:FOR_COURSE]->(ca)`,
    { p: scope.prefix },
  );
  tokens.set("contactA", await portalToken(id("contactA"), ["INSTITUTION_CONTACT"]));
  tokens.set("contactB", await portalToken(id("contactB"), ["INSTITUTION_CONTACT"]));
  tokens.set("teacherA", await portalToken(id("teacherA"), ["TEACHER"]));
  tokens.set("coordinator", coordinator.token as string);
});

afterAll(async () => {
  await scope?.clean();
  await coordinator?.http.close();
  await db?.close();
});

describe("the institution portal (#18)", () => {
  it("refuses a portal account without a person", async () => {
    const body = await as("coordinator", `mutation($input: NewUserInput!) { createUser(input: $input) { id } }`, {
      input: {
        email: `${scope.prefix}contact@portal.test`,
        name: "No person",
        password: "long enough password",
        roles: ["TEACHER"],
      },
    });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "personId" });
  });

  it("shows each contact only their own programme's cases, agreements and proposals", async () => {
    const a = await portalOf("contactA");
    expect(a.person.id).toBe(id("contactA"));
    expect(a.programmes.map((p) => [p.id, p.led])).toEqual([[id("progA"), true]]);
    expect(a.courses.map((c) => c.id)).toEqual([id("courseA")]);
    expect(a.fittingCases.map((f) => [f.caseId, f.courseId])).toEqual([[id("fits"), id("courseA")]]);
    expect(a.fittingCases[0]?.reason).toBeTruthy();
    expect(a.agreements.map((x) => x.id).sort()).toEqual([id("agrA"), id("agrI")].sort());
    // The institution-wide agreement shows the capacity of A's course only, never B's.
    for (const agreement of a.agreements) expect(agreement.capacity.map((c) => c.courseId)).toEqual([id("courseA")]);
    expect(a.proposals.map((p) => p.id)).toEqual([id("propA")]);

    const b = await portalOf("contactB");
    expect(b.courses.map((c) => c.id)).toEqual([id("courseB")]);
    expect(b.agreements.map((x) => x.id).sort()).toEqual([id("agrB"), id("agrI")].sort());
    expect(b.proposals.map((p) => p.id)).toEqual([id("propB")]);
    expect(JSON.stringify(b)).not.toContain(id("courseA"));

    const teacher = await portalOf("teacherA");
    expect(teacher.courses.map((c) => [c.id, c.teaches])).toEqual([[id("courseA"), true]]);
    expect(teacher.programmes.map((p) => [p.id, p.led])).toEqual([[id("progA"), false]]);
  });

  it("refuses the generated API and every other field to the portal roles", async () => {
    for (const who of ["contactA", "teacherA"]) {
      const cases = await as(who, `{ cases { id title } }`);
      expect(cases.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", field: "cases" });
      const board = await as(who, `{ caseSuggestions(case: "${id("fits")}") { courseId } }`);
      expect(board.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", field: "caseSuggestions" });
    }
  });

  it("claims a fitting case for the contact's course; outside the scope is answered as no such case or course", async () => {
    const outside = await as("contactA", CLAIM, { caseId: id("fits"), courseId: id("courseB") });
    expect(outside.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", field: "courseId" });
    const missingCourse = await as("contactA", CLAIM, { caseId: id("fits"), courseId: id("nope") });
    expect(missingCourse.errors?.[0]?.message).toBe(outside.errors?.[0]?.message.replace(id("courseB"), id("nope")));
    const notFitting = await as("contactA", CLAIM, { caseId: id("other"), courseId: id("courseA") });
    expect(notFitting.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", field: "caseId" });
    const notOpen = await as("contactA", CLAIM, { caseId: id("intake"), courseId: id("courseA") });
    expect(notOpen.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", field: "caseId" });
    const missing = await as("contactA", CLAIM, { caseId: id("missing"), courseId: id("courseA") });
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", field: "caseId" });

    const claimed = await as("contactA", CLAIM, { caseId: id("fits"), courseId: id("courseA"), note: "Past in blok 3" });
    expect(claimed.errors).toBeUndefined();
    expect(claimed.data?.claimCase).toMatchObject({
      caseId: id("fits"),
      courseId: id("courseA"),
      teacherId: id("contactA"),
      origin: "CLAIM",
      claimState: "PENDING",
      answer: "INTERESTED",
    });
    const again = await as("contactA", CLAIM, { caseId: id("fits"), courseId: id("courseA") });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", field: "courseId" });
    const a = await portalOf("contactA");
    expect(a.fittingCases[0]?.claimState).toBe("PENDING");
    expect(a.proposals.some((p) => p.origin === "CLAIM" && p.claimState === "PENDING")).toBe(true);
    // B's contact does not see A's claim.
    expect((await portalOf("contactB")).proposals.some((p) => p.origin === "CLAIM")).toBe(false);
  });

  it("lets a coordinator see the claim, refuse a decline without reason, and confirm it", async () => {
    const listed = await as("coordinator", `query($c: ID!) { caseProposals(case: $c) { id origin claimState teacherId } }`, {
      c: id("fits"),
    });
    const claim = (listed.data?.caseProposals as Array<{ id: string; origin: string | null }>).find((p) => p.origin === "CLAIM");
    expect(claim).toBeDefined();
    const portalRole = await as("contactA", `mutation($p: ID!) { confirmClaim(proposalId: $p) { id } }`, { p: claim!.id });
    expect(portalRole.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", field: "confirmClaim" });
    const noReason = await as("coordinator", `mutation($p: ID!) { declineClaim(proposalId: $p, reason: " ") { id } }`, {
      p: claim!.id,
    });
    expect(noReason.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "reason" });
    const notAClaim = await as("coordinator", `mutation($p: ID!) { confirmClaim(proposalId: $p) { id } }`, { p: id("propB") });
    expect(notAClaim.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "proposalId" });
    // The claim waits on the coordinators' to-do list, with the case to open — also on a coordinator's own list while
    // nobody handles the case — and not among the ordinary answers.
    const TODO = `query($who: ID) { coordinatorTodo(coordinator: $who) {
      claimsToConfirm { caseId caseTitle proposalId who detail at } answersToActOn { proposalId } } }`;
    type Todo = {
      claimsToConfirm: Array<{ caseId: string; caseTitle: string; proposalId: string; who: string; detail: string; at: string }>;
      answersToActOn: Array<{ proposalId: string }>;
    };
    for (const who of [null, id("someCoordinator")]) {
      const todo = await as("coordinator", TODO, { who });
      expect(todo.errors).toBeUndefined();
      const lists = (todo.data as { coordinatorTodo: Todo }).coordinatorTodo;
      expect(lists.claimsToConfirm.filter((c) => c.proposalId === claim!.id)).toEqual([
        {
          caseId: id("fits"),
          caseTitle: "Case fits",
          proposalId: claim!.id,
          who: "Anna Contact",
          detail: "Course A",
          at: expect.any(String),
        },
      ]);
      expect(lists.answersToActOn.map((a) => a.proposalId)).not.toContain(claim!.id);
    }
    // A case another coordinator handles is on their list, not on this one's.
    await db.write("MATCH (k:Case {id: $case}) CREATE (k)-[:HANDLED_BY]->(:Person {id: $other, name: 'Other Coordinator'})", {
      case: id("fits"),
      other: id("otherCoordinator"),
    });
    const mine = (await as("coordinator", TODO, { who: id("someCoordinator") })).data as { coordinatorTodo: Todo };
    expect(mine.coordinatorTodo.claimsToConfirm.map((c) => c.proposalId)).not.toContain(claim!.id);
    const theirs = (await as("coordinator", TODO, { who: id("otherCoordinator") })).data as { coordinatorTodo: Todo };
    expect(theirs.coordinatorTodo.claimsToConfirm.map((c) => c.proposalId)).toContain(claim!.id);
    await db.write("MATCH (:Case {id: $case})-[h:HANDLED_BY]->(p:Person {id: $other}) DELETE h, p", {
      case: id("fits"),
      other: id("otherCoordinator"),
    });

    const confirmed = await as("coordinator", `mutation($p: ID!) { confirmClaim(proposalId: $p) { claimState caseStatus } }`, {
      p: claim!.id,
    });
    expect(confirmed.data?.confirmClaim).toEqual({ claimState: "CONFIRMED", caseStatus: "PROPOSED" });
    // Confirmed, it leaves the claims and is an answer to act on (a match to make).
    const after = ((await as("coordinator", TODO, { who: null })).data as { coordinatorTodo: Todo }).coordinatorTodo;
    expect(after.claimsToConfirm.map((c) => c.proposalId)).not.toContain(claim!.id);
    expect(after.answersToActOn.map((a) => a.proposalId)).toContain(claim!.id);
    const twice = await as("coordinator", `mutation($p: ID!) { confirmClaim(proposalId: $p) { id } }`, { p: claim!.id });
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", field: "proposalId" });
    const timeline = await as("coordinator", `query($c: ID!) { caseTimeline(case: $c) { kind origin answer } }`, {
      c: id("fits"),
    });
    const kinds = (timeline.data?.caseTimeline as Array<{ kind: string; origin: string | null; answer: string | null }>).filter(
      (e) => e.origin === "CLAIM",
    );
    expect(kinds.map((e) => e.kind)).toEqual(["PROPOSAL_SENT", "PROPOSAL_ANSWERED", "CLAIM_DECIDED"]);
    expect(kinds[2]?.answer).toBe("CONFIRMED");
  });

  it("forwards a case to a new colleague once (de-duplicated by e-mail), with a tie and the introduction recorded", async () => {
    const colleague = {
      name: "Cora Collega",
      email: `cora.${scope.prefix}@hs.test`,
      roleTitle: "docent",
      programmeId: id("progA"),
    };
    const otherProgramme = await as("contactA", FORWARD, {
      caseId: id("fits"),
      colleague: { ...colleague, programmeId: id("progB") },
    });
    expect(otherProgramme.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", field: "colleague.programmeId" });
    const outsider = await as("contactA", FORWARD, { caseId: id("fits"), colleague: { personId: id("teacherB") } });
    expect(outsider.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", field: "colleague.personId" });
    const badEmail = await as("contactA", FORWARD, { caseId: id("fits"), colleague: { ...colleague, email: "nope" } });
    expect(badEmail.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "colleague.email" });
    const outsideCase = await as("contactA", FORWARD, { caseId: id("other"), colleague });
    expect(outsideCase.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", field: "caseId" });

    const first = await as("contactA", FORWARD, { caseId: id("fits"), colleague, note: "Iets voor jouw minor?" });
    expect(first.errors).toBeUndefined();
    const forwarded = first.data?.forwardCase as { colleagueId: string; colleagueCreated: boolean; proposal: { origin: string } };
    expect(forwarded).toMatchObject({ colleagueCreated: true, proposal: { origin: "FORWARD" } });
    const second = await as("contactA", FORWARD, {
      caseId: id("fits"),
      colleague: { ...colleague, name: "C. Collega", email: colleague.email.toUpperCase() },
    });
    expect(second.data?.forwardCase).toMatchObject({ colleagueId: forwarded.colleagueId, colleagueCreated: false });
    const graph = await db.read(
      `MATCH (me:Person {id: $me}), (c:Person {id: $c})
       RETURN EXISTS { (me)-[:KNOWS]-(c) } AS tie, c.jobTitle AS jobTitle,
              COUNT { (me)-[:INITIATED]->(:Interaction)-[:WITH]->(c) } AS interactions,
              COUNT { (me)-[:INITIATED]->(:Interaction)-[:ABOUT]->(:Programme {id: $prog}) } AS aboutProgramme`,
      { me: id("contactA"), c: forwarded.colleagueId, prog: id("progA") },
    );
    expect(graph[0]).toMatchObject({ tie: true, jobTitle: "docent", interactions: 2, aboutProgramme: 2 });
    // The coordinator sees the forward in the case's proposals, and the colleague is now a known colleague by id.
    const listed = await as("coordinator", `query($c: ID!) { caseProposals(case: $c) { origin teacherId } }`, { c: id("fits") });
    expect(listed.data?.caseProposals).toContainEqual({ origin: "FORWARD", teacherId: forwarded.colleagueId });
    const byId = await as("contactA", FORWARD, { caseId: id("fits"), colleague: { personId: forwarded.colleagueId } });
    expect(byId.errors).toBeUndefined();
  });

  it("offers the colleagues known in the contact's programmes, names only, and forwards to one chosen from them", async () => {
    // Someone a coordinator (not the contact) talked to about programme A: not the contact's to see or to forward to.
    await db.write(
      `MATCH (a:Programme {id: $p + 'progA'})
       CREATE (:Person {id: $p + 'coordX', name: 'Kees Coordinator'})-[:INITIATED]->(i:Interaction {id: $p + 'outreach',
               date: date(), channel: 'EMAIL'})-[:WITH]->(:Person {id: $p + 'prospect', name: 'Pim Prospect', email: $email})
       CREATE (i)-[:ABOUT]->(a)`,
      { p: scope.prefix, email: `pim.${scope.prefix}@hs.test` },
    );
    const COLLEAGUES = `query { myPortal(language: NL) { colleagues { id name programmeId programmeName relations } } }`;
    const body = await as("contactA", COLLEAGUES);
    expect(body.errors).toBeUndefined();
    const colleagues = (body.data as { myPortal: { colleagues: Array<Record<string, unknown>> } }).myPortal.colleagues;
    const cora = colleagues.find((c) => c.name === "Cora Collega");
    expect(colleagues.filter((c) => c.id !== cora?.id)).toEqual([
      { id: id("teacherA"), name: "Tom Teacher", programmeId: id("progA"), programmeName: "Programme A", relations: ["TEACHES"] },
    ]);
    // The colleague the contact introduced by an earlier forward is known to them now.
    expect(cora).toMatchObject({ programmeId: id("progA"), relations: ["INTRODUCED"] });
    // Never the contact themself, programme B's people, the coordinators' prospect, or any contact detail.
    const ids = colleagues.map((c) => c.id);
    for (const other of ["contactA", "contactB", "teacherB", "prospect", "coordX"]) expect(ids).not.toContain(id(other));
    expect(JSON.stringify(colleagues)).not.toMatch(/@/);
    const withEmail = await as("contactA", `query { myPortal(language: NL) { colleagues { email } } }`);
    expect(withEmail.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    // The teacher of A's course sees the coordinator of their programme (for context their programme is reached).
    const teacher = await as("teacherA", COLLEAGUES);
    const teacherSees = (teacher.data as { myPortal: { colleagues: Array<{ id: string; relations: string[] }> } }).myPortal
      .colleagues;
    expect(teacherSees).toContainEqual(expect.objectContaining({ id: id("contactA"), relations: ["COORDINATES"] }));

    // Forwarding to one chosen from the list works; to one not on it (the prospect, B's teacher) is answered as no one.
    const chosen = await as("contactA", FORWARD, {
      caseId: id("fits"),
      colleague: { personId: id("teacherA"), programmeId: id("progA") },
      note: "Voor jouw vak?",
    });
    expect(chosen.errors).toBeUndefined();
    expect(chosen.data?.forwardCase).toMatchObject({
      colleagueId: id("teacherA"),
      colleagueCreated: false,
      proposal: { teacherId: id("teacherA"), origin: "FORWARD" },
    });
    for (const outsider of ["prospect", "teacherB"]) {
      const refused = await as("contactA", FORWARD, { caseId: id("fits"), colleague: { personId: id(outsider) } });
      expect(refused.errors?.[0]?.extensions, outsider).toMatchObject({ code: "NOT_FOUND", field: "colleague.personId" });
    }
    const wrongProgramme = await as("contactA", FORWARD, {
      caseId: id("fits"),
      colleague: { personId: id("teacherA"), programmeId: id("progB") },
    });
    expect(wrongProgramme.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", field: "colleague.programmeId" });
  });

  it("gives a contact's claim and forward notes in their data export, and erasure clears them (GDPR)", async () => {
    const exported = await as("coordinator", `query($id: ID!) { exportPerson(id: $id) { document } }`, { id: id("contactA") });
    expect(exported.errors).toBeUndefined();
    const document = JSON.parse((exported.data?.exportPerson as { document: string }).document) as {
      portalProposals: Array<{ origin: string; claimNote: string | null; forwardNote: string | null }>;
    };
    expect(document.portalProposals).toContainEqual(expect.objectContaining({ origin: "CLAIM", claimNote: "Past in blok 3" }));
    expect(document.portalProposals).toContainEqual(
      expect.objectContaining({ origin: "FORWARD", forwardNote: "Iets voor jouw minor?" }),
    );

    const erased = await as("coordinator", `mutation($id: ID!) { erasePerson(id: $id) { erasedId } }`, { id: id("contactA") });
    expect(erased.errors).toBeUndefined();
    const newId = (erased.data?.erasePerson as { erasedId: string }).erasedId;
    const left = await db.read(
      `MATCH (pr:Proposal)-[:OF_CASE]->(:Case {id: $case}) WHERE pr.origin IN ['CLAIM', 'FORWARD']
       RETURN pr.origin AS origin, pr.claimNote AS claimNote, pr.forwardNote AS forwardNote, pr.sentBy AS sentBy,
              pr.forwardedBy AS forwardedBy ORDER BY origin`,
      { case: id("fits") },
    );
    expect(left.length).toBeGreaterThan(1);
    for (const row of left) {
      expect(row).toMatchObject({ claimNote: null, forwardNote: null, sentBy: newId });
      if (row.origin === "FORWARD") expect(row.forwardedBy).toBe(newId);
    }
    // Nothing about them is left to find by their old id.
    const [old] = await db.read(
      `MATCH (pr:Proposal) WHERE pr.sentBy = $old OR pr.forwardedBy = $old OR pr.claimDecidedBy = $old RETURN count(pr) AS n`,
      { old: id("contactA") },
    );
    expect(old?.n).toBe(0);
    // The erased person has a new id outside this file's prefix: removed here so that nothing is left behind.
    await db.write("MATCH (p:Person {id: $id}) DETACH DELETE p", { id: newId });
  });

  it("lets a teacher answer their own proposal, and only their own", async () => {
    const answer = `mutation($p: ID!, $a: ProposalAnswer!, $r: String) { answerMyProposal(proposalId: $p, answer: $a, reason: $r) { id answer } }`;
    const other = await as("teacherA", answer, { p: id("propB"), a: "INTERESTED" });
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", field: "proposalId" });
    const noReason = await as("teacherA", answer, { p: id("propA"), a: "DECLINED" });
    expect(noReason.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "reason" });
    const own = await as("teacherA", answer, { p: id("propA"), a: "INTERESTED" });
    expect(own.data?.answerMyProposal).toEqual({ id: id("propA"), answer: "INTERESTED" });
  });
});

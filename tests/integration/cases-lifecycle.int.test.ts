import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/platform/neo4j/database.js";
import { connectTestDatabase, resetGraph } from "../helpers/neo4j.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { day, ok, refused, seedCourse, seedInstitution, seedWorkspace, signedInAs } from "./cases-graph-fixtures.js";

/**
 * The lifecycle through the real HTTP endpoint: every allowed transition, every refused one (with
 * its code, and the graph read back unchanged), the data each step needs, and the timeline.
 */
let db: Database;
let server: TestServer;

const COORD = "coord-1";
const TEACHER = "teacher-1";

const INTAKE = `mutation($input: CaseIntakeInput!) { intakeCase(input: $input) { caseId status } }`;
const QUALIFY = `mutation($case: ID!) { qualifyCase(case: $case) { from to by at } }`;
const PROPOSE = `mutation($case: ID!, $force: Boolean) { proposeCase(case: $case, teacher: "${TEACHER}", course: "course-1", channel: EMAIL, force: $force) { id caseStatus } }`;
const MATCH = `mutation($case: ID!) { matchCase(case: $case, course: "course-1", period: "period-1", teamSize: 4) { id status caseStatus } }`;
const START = `mutation($sprint: ID!) { startSprint(sprint: $sprint) { status caseStatus } }`;
const COMPLETE = `mutation($sprint: ID!, $outcome: String!, $rating: Int) {
  completeSprint(sprint: $sprint, input: { outcome: $outcome, smeRating: $rating, smeFeedback: "Blij", teacherFeedback: "Goed", followUpWanted: true }) { status caseStatus outcome smeRating } }`;
const CLOSE = `mutation($case: ID!, $reason: CaseCloseReason!) { closeCase(case: $case, reason: $reason, note: "Past niet") { from to reason note } }`;

type Status = "INTAKE" | "QUALIFIED" | "PROPOSED" | "MATCHED" | "IN_SPRINT" | "COMPLETED" | "CLOSED";
interface CaseHandle {
  caseId: string;
  sprintId: string | null;
}

let counter = 0;
async function intake(): Promise<string> {
  counter += 1;
  const data = await ok<{ intakeCase: { caseId: string } }>(server, INTAKE, {
    input: {
      sme: { name: `Bedrijf ${counter}`, city: "Haarlem" },
      title: `Vraag ${counter}`,
      topics: ["data"],
      wantedLevels: ["HBO"],
      effort: "SPRINT",
      earliestStart: day(10),
      deadline: day(200),
    },
  });
  return data.intakeCase.caseId;
}

/** A case brought to `status` through the API, the way a coordinator would. */
async function caseIn(status: Status): Promise<CaseHandle> {
  const caseId = await intake();
  const handle: CaseHandle = { caseId, sprintId: null };
  if (status === "INTAKE") return handle;
  if (status === "CLOSED") {
    await ok(server, CLOSE, { case: caseId, reason: "WITHDRAWN" });
    return handle;
  }
  await ok(server, QUALIFY, { case: caseId });
  if (status === "QUALIFIED") return handle;
  await ok(server, PROPOSE, { case: caseId });
  if (status === "PROPOSED") return handle;
  const matched = await ok<{ matchCase: { id: string } }>(server, MATCH, { case: caseId });
  handle.sprintId = matched.matchCase.id;
  if (status === "MATCHED") return handle;
  await ok(server, START, { sprint: handle.sprintId });
  if (status === "IN_SPRINT") return handle;
  await ok(server, COMPLETE, { sprint: handle.sprintId, outcome: "Werkende webshop", rating: 4 });
  return handle;
}

/** Everything a transition could touch, read with raw Cypher. */
async function snapshot(caseId: string): Promise<Record<string, unknown>> {
  const rows = await db.read(
    `MATCH (k:Case {id: $id})
     RETURN k.status AS status,
            COUNT { (k)-[:HAD_EVENT]->() } AS events,
            COUNT { (k)<-[:OF_CASE]-(:Proposal) } AS proposals,
            COLLECT { MATCH (k)<-[:FOR_CASE]-(s:Sprint) RETURN s.status + '/' + coalesce(s.outcome, '-') } AS sprints`,
    { id: caseId },
  );
  return rows[0] ?? {};
}

beforeAll(async () => {
  db = await connectTestDatabase();
  await resetGraph(db);
  // Signed in as the coordinator's account: the timeline records her as the one who acted.
  server = await signedInAs(await startTestServer(db), COORD);
  await seedWorkspace(db, { id: "ws", coordinators: [{ id: COORD, name: "Carla Coördinator" }] });
  await seedInstitution(db, { id: "hva", kind: "HBO" });
  await seedCourse(db, {
    id: "course-1",
    name: "Data Sprint",
    themes: ["data"],
    institution: "hva",
    teachers: [TEACHER],
    // Under way already, so startSprint needs no override (that is tested in cases-sanity.int.test.ts).
    periods: [{ id: "period-1", name: "Blok 2", start: day(-5), end: day(100) }],
    agreement: { casesPerPeriod: null },
  });
});

afterAll(async () => {
  await server?.http.close();
  await db?.close();
});

describe("allowed transitions", () => {
  it("walks INTAKE → QUALIFIED → PROPOSED → MATCHED → IN_SPRINT → COMPLETED, recording who and when", async () => {
    const handle = await caseIn("COMPLETED");
    expect(await snapshot(handle.caseId)).toEqual({
      status: "COMPLETED",
      events: 6,
      proposals: 1,
      sprints: ["COMPLETED/Werkende webshop"],
    });

    const events = await db.read(
      `MATCH (:Case {id: $id})-[:HAD_EVENT]->(e:CaseEvent) RETURN e.from AS from, e.to AS to, e.by AS by, e.at IS NOT NULL AS timed ORDER BY e.at`,
      { id: handle.caseId },
    );
    expect(events).toEqual([
      { from: null, to: "INTAKE", by: COORD, timed: true },
      { from: "INTAKE", to: "QUALIFIED", by: COORD, timed: true },
      { from: "QUALIFIED", to: "PROPOSED", by: COORD, timed: true },
      { from: "PROPOSED", to: "MATCHED", by: COORD, timed: true },
      { from: "MATCHED", to: "IN_SPRINT", by: COORD, timed: true },
      { from: "IN_SPRINT", to: "COMPLETED", by: COORD, timed: true },
    ]);
    const sprint = await db.read(
      `MATCH (s:Sprint {id: $id}) RETURN s.smeRating AS rating, s.smeFeedback AS sme, s.teacherFeedback AS teacher, s.followUpWanted AS followUp, s.teamSize AS team`,
      { id: handle.sprintId },
    );
    expect(sprint).toEqual([{ rating: 4, sme: "Blij", teacher: "Goed", followUp: true, team: 4 }]);
  });

  it("shows the timeline in order, with the proposal between the status changes and the actor's name", async () => {
    const handle = await caseIn("PROPOSED");
    const data = await ok<{
      caseTimeline: Array<{
        kind: string;
        from: string | null;
        to: string | null;
        byName: string | null;
        teacherName: string | null;
      }>;
    }>(server, `query($case: ID!) { caseTimeline(case: $case) { kind from to byName teacherName } }`, { case: handle.caseId });
    expect(data.caseTimeline).toEqual([
      { kind: "STATUS_CHANGE", from: null, to: "INTAKE", byName: "Carla Coördinator", teacherName: null },
      { kind: "STATUS_CHANGE", from: "INTAKE", to: "QUALIFIED", byName: "Carla Coördinator", teacherName: null },
      { kind: "PROPOSAL_SENT", from: null, to: null, byName: "Carla Coördinator", teacherName: `Teacher ${TEACHER}` },
      { kind: "STATUS_CHANGE", from: "QUALIFIED", to: "PROPOSED", byName: "Carla Coördinator", teacherName: null },
    ]);
  });

  it("keeps a PROPOSED case PROPOSED on a further proposal, without a new status event", async () => {
    const handle = await caseIn("PROPOSED");
    const data = await ok<{ proposeCase: { caseStatus: string } }>(server, PROPOSE, { case: handle.caseId, force: true });
    expect(data.proposeCase.caseStatus).toBe("PROPOSED");
    expect(await snapshot(handle.caseId)).toMatchObject({ status: "PROPOSED", events: 3, proposals: 2 });
  });

  it.each(["INTAKE", "QUALIFIED", "PROPOSED", "MATCHED", "IN_SPRINT"] as Status[])(
    "closes a case from %s with a reason, cancelling its sprint",
    async (status) => {
      const handle = await caseIn(status);
      const before = await snapshot(handle.caseId);
      const data = await ok<{ closeCase: { from: string; to: string; reason: string; note: string } }>(server, CLOSE, {
        case: handle.caseId,
        reason: "NOT_FEASIBLE",
      });
      expect(data.closeCase).toEqual({ from: status, to: "CLOSED", reason: "NOT_FEASIBLE", note: "Past niet" });
      const after = await snapshot(handle.caseId);
      expect(after.status).toBe("CLOSED");
      expect(after.events).toBe(Number(before.events) + 1);
      expect(after.sprints).toEqual(handle.sprintId ? ["CANCELLED/-"] : []);
      const event = await db.read(
        `MATCH (:Case {id: $id})-[:HAD_EVENT]->(e:CaseEvent {to: 'CLOSED'}) RETURN e.reason AS reason, e.note AS note, e.by AS by`,
        {
          id: handle.caseId,
        },
      );
      expect(event).toEqual([{ reason: "NOT_FEASIBLE", note: "Past niet", by: COORD }]);
    },
  );
});

describe("refused transitions change nothing", () => {
  const states: Status[] = ["INTAKE", "QUALIFIED", "PROPOSED", "MATCHED", "IN_SPRINT", "COMPLETED", "CLOSED"];
  const handles = new Map<Status, CaseHandle>();
  // A case closed while MATCHED keeps its (cancelled) sprint, so sprint mutations can be tried on it.
  let closedWithSprint: CaseHandle;

  beforeAll(async () => {
    for (const status of states) handles.set(status, await caseIn(status));
    closedWithSprint = await caseIn("MATCHED");
    await ok(server, CLOSE, { case: closedWithSprint.caseId, reason: "WITHDRAWN" });
  }, 120_000);

  async function expectRefusal(
    handle: CaseHandle,
    query: string,
    variables: Record<string, unknown>,
    code: string,
    field: string,
  ): Promise<void> {
    const before = await snapshot(handle.caseId);
    const error = await refused(server, query, { ...variables });
    expect(error.extensions).toMatchObject({ code, field });
    expect(await snapshot(handle.caseId)).toEqual(before);
  }

  const refusedFrom: Record<string, Status[]> = {
    qualifyCase: ["QUALIFIED", "PROPOSED", "MATCHED", "IN_SPRINT", "COMPLETED", "CLOSED"],
    proposeCase: ["INTAKE", "MATCHED", "IN_SPRINT", "COMPLETED", "CLOSED"],
    matchCase: ["INTAKE", "QUALIFIED", "MATCHED", "IN_SPRINT", "COMPLETED", "CLOSED"],
    closeCase: ["COMPLETED", "CLOSED"],
  };
  const queries: Record<string, string> = { qualifyCase: QUALIFY, proposeCase: PROPOSE, matchCase: MATCH, closeCase: CLOSE };

  for (const [mutation, from] of Object.entries(refusedFrom)) {
    for (const status of from) {
      it(`refuses ${mutation} on a ${status} case with ILLEGAL_TRANSITION`, async () => {
        const handle = handles.get(status);
        if (!handle) throw new Error("missing case");
        await expectRefusal(
          handle,
          queries[mutation] ?? "",
          { case: handle.caseId, reason: "WITHDRAWN", force: true },
          "ILLEGAL_TRANSITION",
          "case",
        );
      });
    }
  }

  it.each(["IN_SPRINT", "COMPLETED"] as Status[])("refuses startSprint when the case is %s", async (status) => {
    const handle = handles.get(status) as CaseHandle;
    await expectRefusal(handle, START, { sprint: handle.sprintId }, "ILLEGAL_TRANSITION", "sprint");
  });

  it.each(["MATCHED", "COMPLETED"] as Status[])("refuses completeSprint when the case is %s", async (status) => {
    const handle = handles.get(status) as CaseHandle;
    await expectRefusal(handle, COMPLETE, { sprint: handle.sprintId, outcome: "x" }, "ILLEGAL_TRANSITION", "sprint");
  });

  it("refuses starting or completing the cancelled sprint of a closed case", async () => {
    await expectRefusal(closedWithSprint, START, { sprint: closedWithSprint.sprintId }, "ILLEGAL_TRANSITION", "sprint");
    await expectRefusal(
      closedWithSprint,
      COMPLETE,
      { sprint: closedWithSprint.sprintId, outcome: "x" },
      "ILLEGAL_TRANSITION",
      "sprint",
    );
  });
});

describe("the data each step needs", () => {
  it("refuses to qualify a case without dates, naming the missing field", async () => {
    const data = await ok<{ intakeCase: { caseId: string } }>(server, INTAKE, {
      input: { sme: { name: "Zonder Data BV" }, title: "Nog vaag", topics: ["data"], wantedLevels: ["MBO"], effort: "SMALL" },
    });
    const caseId = data.intakeCase.caseId;
    const before = await snapshot(caseId);
    const error = await refused(server, QUALIFY, { case: caseId });
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "earliestStart" });
    expect(await snapshot(caseId)).toEqual(before);
  });

  it("refuses to qualify a case without topics", async () => {
    const data = await ok<{ intakeCase: { caseId: string } }>(server, INTAKE, {
      input: {
        sme: { name: "Zonder Onderwerp BV" },
        title: "Iets",
        wantedLevels: ["MBO"],
        effort: "SMALL",
        earliestStart: day(1),
        deadline: day(9),
      },
    });
    const error = await refused(server, QUALIFY, { case: data.intakeCase.caseId });
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "topics" });
  });

  it("refuses completing a sprint without an outcome, or with a rating outside 1–5", async () => {
    const handle = await caseIn("IN_SPRINT");
    const before = await snapshot(handle.caseId);
    expect((await refused(server, COMPLETE, { sprint: handle.sprintId, outcome: "  " })).extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "outcome",
    });
    expect((await refused(server, COMPLETE, { sprint: handle.sprintId, outcome: "Klaar", rating: 6 })).extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "smeRating",
    });
    expect(await snapshot(handle.caseId)).toEqual(before);
  });

  it("refuses closing without a reason (the schema requires one)", async () => {
    const handle = await caseIn("INTAKE");
    const before = await snapshot(handle.caseId);
    const error = await refused(server, `mutation($case: ID!) { closeCase(case: $case) { to } }`, { case: handle.caseId });
    expect(error.message).toMatch(/reason/);
    expect(await snapshot(handle.caseId)).toEqual(before);
  });

  it("refuses an unknown case with NOT_FOUND", async () => {
    expect((await refused(server, QUALIFY, { case: "no-such-case" })).extensions).toMatchObject({
      code: "NOT_FOUND",
      field: "case",
    });
  });

  it("does not let the generated CRUD set a case's status", async () => {
    const handle = await caseIn("INTAKE");
    const result = await server.graphql(
      `mutation($id: ID!) { updateCases(where: { id: { eq: $id } }, update: { status: { set: COMPLETED } }) { cases { status } } }`,
      {
        id: handle.caseId,
      },
    );
    expect(result.errors?.length).toBeGreaterThan(0);
    expect((await snapshot(handle.caseId)).status).toBe("INTAKE");
  });
});

describe("concurrent transitions", () => {
  it("qualifies a case once when ten coordinators qualify it at the same moment", async () => {
    const caseId = await intake();
    const results = await Promise.all(Array.from({ length: 10 }, () => server.graphql(QUALIFY, { case: caseId })));
    const codes = results.map((r) => (r.errors?.[0]?.extensions?.code as string | undefined) ?? "OK").sort();
    expect(codes.filter((c) => c === "OK")).toHaveLength(1);
    expect(codes.filter((c) => c === "ILLEGAL_TRANSITION")).toHaveLength(9);
    expect(await snapshot(caseId)).toMatchObject({ status: "QUALIFIED", events: 2 });
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../server/platform/neo4j/database.js";
import { connectTestDatabase, resetGraph } from "../helpers/neo4j.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

let db: Database;
let server: TestServer;

beforeAll(async () => {
  db = await connectTestDatabase();
  server = await startTestServer(db);
});

afterAll(async () => {
  await server?.http.close();
  await db?.close();
});

/**
 * Two institutions; HBO-ICT (p1) with Data Sprint (c1, RESPONDED, taught by Tess) and Web Lab (c2,
 * taught by Tess and Bram); Bedrijfskunde (p2, APPROACHED) at the university with Marketing (c3).
 * Coordinator Kim knows Tess (0.6, lastContact 2025-02-01), Noor (0.3) and Piet (0.8, set by hand),
 * not Bram (though she wrote him in April 2025) nor Lena.
 */
async function buildGraph(): Promise<void> {
  await resetGraph(db);
  await db.write(`
    CREATE (i1:Institution {id: 'i1', name: 'Hogeschool A', kind: 'HBO'}), (i2:Institution {id: 'i2', name: 'Universiteit B', kind: 'WO'}),
      (p1:Programme {id: 'p1', name: 'HBO-ICT', level: 'BACHELOR', mappingStatus: 'NOT_APPROACHED'})-[:OFFERED_BY]->(i1),
      (p2:Programme {id: 'p2', name: 'Bedrijfskunde', level: 'BACHELOR', mappingStatus: 'APPROACHED'})-[:OFFERED_BY]->(i2),
      (c1:Course {id: 'c1', name: 'Data Sprint', kind: 'PROJECT', themes: ['data'], mappingStatus: 'RESPONDED'})-[:PART_OF]->(p1),
      (c2:Course {id: 'c2', name: 'Web Lab', kind: 'PROJECT', themes: ['web'], mappingStatus: 'NOT_APPROACHED'})-[:PART_OF]->(p1),
      (c3:Course {id: 'c3', name: 'Marketing', kind: 'COURSE', themes: ['social'], mappingStatus: 'NOT_APPROACHED'})-[:PART_OF]->(p2),
      (tess:Person {id: 'tess', name: 'Tess', email: 'tess@hva.example'})-[:TEACHES]->(c1),
      (tess)-[:TEACHES]->(c2), (bram:Person {id: 'bram', name: 'Bram'})-[:TEACHES]->(c2),
      (kim:Person {id: 'kim', name: 'Kim'}),
      (kim)-[:KNOWS {strength: 0.6, channel: 'COLLEAGUE', lastContact: date('2025-02-01')}]->(tess),
      (noor:Person {id: 'noor', name: 'Noor'}), (kim)-[:KNOWS {strength: 0.3, channel: 'LINKEDIN'}]->(noor),
      (piet:Person {id: 'piet', name: 'Piet'}), (piet)-[:KNOWS {strength: 0.8, channel: 'COLLEAGUE', manual: true}]->(kim),
      (lena:Person {id: 'lena', name: 'Lena'}),
      (x1:Interaction {id: 'x1', date: date('2025-03-01'), channel: 'EMAIL', result: 'REPLIED'}),
      (kim)-[:INITIATED]->(x1)-[:WITH]->(tess), (x1)-[:ABOUT]->(c1),
      (x2:Interaction {id: 'x2', date: date('2025-04-01'), channel: 'LINKEDIN'}),
      (kim)-[:INITIATED]->(x2)-[:WITH]->(bram), (x2)-[:ABOUT]->(p1)
  `);
}

async function statusOf(id: string): Promise<string> {
  const rows = await db.read("MATCH (n {id: $id}) WHERE n:Programme OR n:Course RETURN n.mappingStatus AS s", { id });
  return String(rows[0]?.s);
}

/** Today in Amsterdam, the date the tie strength is derived as of. */
function today(): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Amsterdam",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());
}

/**
 * The documented tie rule (docs/network-analytics.md), written out independently of the server:
 * E = Σ weight · 0.5^(age in days / 180) as of today, strength = 1 − (1 − base)·e^(−E/2), 3 decimals, at
 * least 0.01. `contacts` are [date, weight] by the doc's table: an answer or a meeting 1; an unanswered
 * attempt, a refusal or a message without a result 0.
 */
function documentedStrength(base: number, contacts: Array<[date: string, weight: number]>): number {
  const evidence = contacts.reduce(
    (sum, [d, weight]) => sum + weight * 0.5 ** ((Date.parse(today()) - Date.parse(d)) / 86_400_000 / 180),
    0,
  );
  return Math.max(0.01, Math.round((1 - (1 - base) * Math.exp(-evidence / 2)) * 1000) / 1000);
}

async function storedTie(a: string, b: string): Promise<Array<Record<string, unknown>>> {
  return db.read(
    `MATCH (:Person {id: $a})-[k:KNOWS]-(:Person {id: $b})
     RETURN k.strength AS strength, k.baseStrength AS baseStrength, k.manual AS manual, k.channel AS channel,
            k.since AS since, k.lastContact AS lastContact`,
    { a, b },
  );
}

async function count(pattern: string): Promise<number> {
  const rows = await db.read(`MATCH ${pattern} RETURN count(*) AS n`);
  return Number(rows[0]?.n);
}

const logMutation = `mutation Log($by: ID!, $with: ID!, $date: String!, $channel: InteractionChannel!, $result: InteractionResult,
  $note: String, $aboutProgramme: ID, $aboutCourse: ID) {
  logInteraction(by: $by, with: $with, date: $date, channel: $channel, result: $result, note: $note,
    aboutProgramme: $aboutProgramme, aboutCourse: $aboutCourse) {
    interaction { id date channel result note by { id } with { id } aboutProgramme { id } aboutCourse { id } }
    mappingChanges { kind id previous status changed }
    tie { a b created strength previousStrength baseStrength manual channel since lastContact interactions evidence }
    tieUpdated
  }
}`;

type LogResult = {
  logInteraction: {
    interaction: {
      id: string;
      date: string;
      channel: string;
      result: string | null;
      note: string | null;
      by: { id: string };
      with: { id: string };
    };
    mappingChanges: Array<{ kind: string; id: string; previous: string; status: string; changed: boolean }>;
    tie: {
      a: string;
      b: string;
      created: boolean;
      strength: number;
      previousStrength: number | null;
      baseStrength: number;
      manual: boolean;
      channel: string;
      since: string | null;
      lastContact: string;
      interactions: number;
      evidence: number;
    };
    tieUpdated: boolean;
  };
};

describe("mappingTable", () => {
  beforeAll(buildGraph);

  it("lists programmes and their courses with status, teachers, last interaction and counts", async () => {
    const result = await server.graphql<{ mappingTable: Array<Record<string, unknown>> }>(`{
      mappingTable { kind id status institutionName programmeId teachers { id } lastInteraction { id by { id } with { id } } interactionCount exampleAssignmentCount }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.mappingTable).toEqual([
      // The programme's last interaction is the newest about it or any of its courses: x2 (April) over x1 (March).
      {
        kind: "PROGRAMME",
        id: "p1",
        status: "NOT_APPROACHED",
        institutionName: "Hogeschool A",
        programmeId: "p1",
        teachers: [{ id: "bram" }, { id: "tess" }],
        lastInteraction: { id: "x2", by: { id: "kim" }, with: { id: "bram" } },
        interactionCount: 2,
        exampleAssignmentCount: 0,
      },
      {
        kind: "COURSE",
        id: "c1",
        status: "RESPONDED",
        institutionName: "Hogeschool A",
        programmeId: "p1",
        teachers: [{ id: "tess" }],
        lastInteraction: { id: "x1", by: { id: "kim" }, with: { id: "tess" } },
        interactionCount: 1,
        exampleAssignmentCount: 0,
      },
      {
        kind: "COURSE",
        id: "c2",
        status: "NOT_APPROACHED",
        institutionName: "Hogeschool A",
        programmeId: "p1",
        teachers: [{ id: "bram" }, { id: "tess" }],
        lastInteraction: null,
        interactionCount: 0,
        exampleAssignmentCount: 0,
      },
      {
        kind: "PROGRAMME",
        id: "p2",
        status: "APPROACHED",
        institutionName: "Universiteit B",
        programmeId: "p2",
        teachers: [],
        lastInteraction: null,
        interactionCount: 0,
        exampleAssignmentCount: 0,
      },
      {
        kind: "COURSE",
        id: "c3",
        status: "NOT_APPROACHED",
        institutionName: "Universiteit B",
        programmeId: "p2",
        teachers: [],
        lastInteraction: null,
        interactionCount: 0,
        exampleAssignmentCount: 0,
      },
    ]);
  });

  it("shows teachers' e-mail and interaction notes to coordinators only", async () => {
    const viewer = await startTestServer(db, { roles: ["VIEWER"] });
    try {
      const plain = await viewer.graphql<{ mappingTable: Array<{ id: string }> }>(
        `{ mappingTable(institution: "i1") { id teachers { name } } }`,
      );
      expect(plain.errors).toBeUndefined();
      expect(plain.data?.mappingTable).toHaveLength(3);
      const email = await viewer.graphql(`{ mappingTable(institution: "i1") { id teachers { email } } }`);
      expect(email.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      const note = await viewer.graphql(`{ interactionLog { id note } }`);
      expect(note.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      const write = await viewer.graphql(`mutation { setMappingStatus(course: "c2", status: APPROACHED) { status } }`);
      expect(write.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    } finally {
      await viewer.http.close();
    }
    expect(await statusOf("c2")).toBe("NOT_APPROACHED");
  });

  it("filters by institution and by status", async () => {
    const byInstitution = await server.graphql<{ mappingTable: Array<{ id: string }> }>(
      `{ mappingTable(institution: "i2") { id } }`,
    );
    expect(byInstitution.data?.mappingTable.map((r) => r.id)).toEqual(["p2", "c3"]);
    const byStatus = await server.graphql<{ mappingTable: Array<{ id: string }> }>(
      `{ mappingTable(status: NOT_APPROACHED) { id } }`,
    );
    expect(byStatus.data?.mappingTable.map((r) => r.id)).toEqual(["p1", "c2", "c3"]);
  });
});

describe("mappingTablePage", () => {
  const PAGE = `query($first: Int, $offset: Int, $status: MappingStatus) {
    mappingTablePage(first: $first, offset: $offset, status: $status) { programmeCount institutionCount first offset rows { kind id programmeId } } }`;
  type Page = {
    programmeCount: number;
    institutionCount: number;
    first: number;
    offset: number;
    rows: Array<{ kind: string; id: string; programmeId: string }>;
  };
  const page = async (variables: Record<string, unknown>): Promise<Page> => {
    const answer = await server.graphql<{ mappingTablePage: Page }>(PAGE, variables);
    expect(answer.errors).toBeUndefined();
    return answer.data?.mappingTablePage as Page;
  };

  beforeAll(buildGraph);

  it("pages by programme, keeping a programme's courses on its page, with the totals", async () => {
    const first = await page({ first: 1, offset: 0 });
    expect(first).toMatchObject({ programmeCount: 2, institutionCount: 2, first: 1, offset: 0 });
    expect(first.rows.map((r) => r.id)).toEqual(["p1", "c1", "c2"]);
    const second = await page({ first: 1, offset: 1 });
    expect(second.rows.map((r) => r.id)).toEqual(["p2", "c3"]);
    expect((await page({ first: 1, offset: 2 })).rows).toEqual([]);
    // The pages together are the whole table, in its order.
    const whole = await server.graphql<{ mappingTable: Array<{ id: string }> }>(`{ mappingTable { id } }`);
    expect([...first.rows, ...second.rows].map((r) => r.id)).toEqual(whole.data?.mappingTable.map((r) => r.id));
  });

  it("counts a programme when one of its courses has the status asked", async () => {
    const responded = await page({ first: 10, offset: 0, status: "RESPONDED" });
    expect(responded.programmeCount).toBe(1);
    expect(responded.rows.map((r) => r.id)).toEqual(["c1"]);
  });

  it("refuses a page size out of range and a negative offset", async () => {
    const tooBig = await server.graphql(PAGE, { first: 101, offset: 0 });
    expect(tooBig.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    const negative = await server.graphql(PAGE, { first: 10, offset: -1 });
    expect(negative.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "offset" });
  });
});

describe("setMappingStatus", () => {
  beforeEach(buildGraph);
  const mutation = `mutation Set($programme: ID, $course: ID, $status: MappingStatus!, $force: Boolean) {
    setMappingStatus(programme: $programme, course: $course, status: $status, force: $force) { kind id name previous status changed }
  }`;

  it("allows forward moves, also skipping steps", async () => {
    const result = await server.graphql(mutation, { course: "c2", status: "EXAMPLES_RECEIVED" });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      setMappingStatus: {
        kind: "COURSE",
        id: "c2",
        name: "Web Lab",
        previous: "NOT_APPROACHED",
        status: "EXAMPLES_RECEIVED",
        changed: true,
      },
    });
    expect(await statusOf("c2")).toBe("EXAMPLES_RECEIVED");
  });

  it("treats the same status as a no-op", async () => {
    const result = await server.graphql(mutation, { programme: "p2", status: "APPROACHED" });
    expect(result.data).toEqual({
      setMappingStatus: {
        kind: "PROGRAMME",
        id: "p2",
        name: "Bedrijfskunde",
        previous: "APPROACHED",
        status: "APPROACHED",
        changed: false,
      },
    });
  });

  it("refuses a move back without force and changes nothing; allows it with force", async () => {
    const refused = await server.graphql(mutation, { course: "c1", status: "APPROACHED" });
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "ILLEGAL_TRANSITION", field: "status" });
    expect(refused.errors?.[0]?.message).toMatch(/RESPONDED.*force/);
    expect(await statusOf("c1")).toBe("RESPONDED");

    const forced = await server.graphql(mutation, { course: "c1", status: "APPROACHED", force: true });
    expect(forced.errors).toBeUndefined();
    expect(await statusOf("c1")).toBe("APPROACHED");
  });

  it("needs exactly one of programme or course, and an existing one", async () => {
    const both = await server.graphql(mutation, { programme: "p1", course: "c1", status: "AGREEMENT" });
    expect(both.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "course" });
    const none = await server.graphql(mutation, { status: "AGREEMENT" });
    expect(none.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "programme" });
    const unknown = await server.graphql(mutation, { course: "nope", status: "AGREEMENT" });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", field: "course" });
    expect(await statusOf("p1")).toBe("NOT_APPROACHED");
    expect(await statusOf("c1")).toBe("RESPONDED");
  });
});

describe("logInteraction", () => {
  beforeEach(buildGraph);

  it("records the interaction with its relationships; first contact moves a course to APPROACHED", async () => {
    const result = await server.graphql<LogResult>(logMutation, {
      by: "kim",
      with: "bram",
      date: "2025-05-02",
      channel: "WARM_INTRODUCTION",
      result: "NO_REPLY",
      note: "  via Tess ",
      aboutCourse: "c2",
    });
    expect(result.errors).toBeUndefined();
    const logged = result.data!.logInteraction;
    expect(logged.interaction).toMatchObject({
      date: "2025-05-02",
      channel: "WARM_INTRODUCTION",
      result: "NO_REPLY",
      note: "via Tess",
      by: { id: "kim" },
      with: { id: "bram" },
    });
    expect(logged.mappingChanges).toEqual([
      { kind: "COURSE", id: "c2", previous: "NOT_APPROACHED", status: "APPROACHED", changed: true },
    ]);
    // Kim and Bram had no tie: one is created, named after the channel, derived from base 0 and
    // both their interactions — April's x2 (a LinkedIn message without a result) and this
    // unanswered introduction, both one-way attempts of weight 0: the minimum, 0.01.
    const strength = documentedStrength(0, [
      ["2025-04-01", 0],
      ["2025-05-02", 0],
    ]);
    expect(strength).toBe(0.01);
    expect(logged.tie).toMatchObject({
      a: "kim",
      b: "bram",
      created: true,
      strength,
      previousStrength: null,
      baseStrength: 0,
      manual: false,
      channel: "WARM_INTRODUCTION",
      since: "2025-05-02",
      lastContact: "2025-05-02",
      interactions: 2,
    });
    expect(logged.tieUpdated).toBe(true);
    expect(await storedTie("kim", "bram")).toEqual([
      { strength, baseStrength: 0, manual: false, channel: "WARM_INTRODUCTION", since: "2025-05-02", lastContact: "2025-05-02" },
    ]);

    const rows = await db.read(
      `MATCH (b:Person)-[:INITIATED]->(x:Interaction {id: $id})-[:WITH]->(w:Person), (x)-[:ABOUT]->(c:Course)
       RETURN b.id AS by, w.id AS with, c.id AS course, toString(x.date) AS date, x.channel AS channel, x.note AS note`,
      { id: logged.interaction.id },
    );
    expect(rows).toEqual([
      { by: "kim", with: "bram", course: "c2", date: "2025-05-02", channel: "WARM_INTRODUCTION", note: "via Tess" },
    ]);
    expect(await statusOf("c2")).toBe("APPROACHED");
  });

  it("moves programme and course to RESPONDED on a reply, AGREEMENT on AGREED, and never down", async () => {
    const reply = await server.graphql<LogResult>(logMutation, {
      by: "kim",
      with: "tess",
      date: "2025-05-02",
      channel: "EMAIL",
      result: "DECLINED",
      aboutProgramme: "p1",
      aboutCourse: "c2",
    });
    expect(reply.data?.logInteraction.mappingChanges).toEqual([
      { kind: "PROGRAMME", id: "p1", previous: "NOT_APPROACHED", status: "RESPONDED", changed: true },
      { kind: "COURSE", id: "c2", previous: "NOT_APPROACHED", status: "RESPONDED", changed: true },
    ]);
    await db.write("MATCH (c:Course {id: 'c1'}) SET c.mappingStatus = 'EXAMPLES_RECEIVED'");
    const lower = await server.graphql<LogResult>(logMutation, {
      by: "kim",
      with: "tess",
      date: "2025-05-03",
      channel: "PHONE",
      aboutCourse: "c1",
    });
    expect(lower.data?.logInteraction.mappingChanges).toEqual([
      { kind: "COURSE", id: "c1", previous: "EXAMPLES_RECEIVED", status: "EXAMPLES_RECEIVED", changed: false },
    ]);
    const agreed = await server.graphql<LogResult>(logMutation, {
      by: "tess",
      with: "kim",
      date: "2025-05-04",
      channel: "MEETING",
      result: "AGREED",
      aboutCourse: "c1",
    });
    expect(agreed.data?.logInteraction.mappingChanges[0]).toMatchObject({ previous: "EXAMPLES_RECEIVED", status: "AGREEMENT" });
    expect([await statusOf("p1"), await statusOf("c1"), await statusOf("c2")]).toEqual(["RESPONDED", "AGREEMENT", "RESPONDED"]);
  });

  it("moves the tie's lastContact forward, never back, whichever side initiated, and re-derives its strength from all the pair's interactions", async () => {
    const later = await server.graphql<LogResult>(logMutation, { by: "tess", with: "kim", date: "2025-06-10", channel: "EMAIL" });
    expect(later.errors).toBeUndefined();
    expect(later.data?.logInteraction.tie).toMatchObject({
      created: false,
      previousStrength: 0.6,
      baseStrength: 0.6,
      interactions: 2,
      // x1 (an e-mail answered, 1) and this e-mail without a result (0).
      strength: documentedStrength(0.6, [
        ["2025-03-01", 1],
        ["2025-06-10", 0],
      ]),
    });
    const earlier = await server.graphql<LogResult>(logMutation, {
      by: "kim",
      with: "tess",
      date: "2025-01-05",
      channel: "EMAIL",
    });
    expect(earlier.errors).toBeUndefined();
    const strength = documentedStrength(0.6, [
      ["2025-01-05", 0],
      ["2025-03-01", 1],
      ["2025-06-10", 0],
    ]);
    // Evidence only lifts a tie: it stays above the 0.6 it was imported with.
    expect(strength).toBeGreaterThan(0.6);
    expect(earlier.data?.logInteraction.tie).toMatchObject({ interactions: 3, strength, lastContact: "2025-06-10" });
    const rows = await db.read(
      "MATCH (:Person {id: 'kim'})-[k:KNOWS]-(:Person {id: 'tess'}) RETURN toString(k.lastContact) AS last, k.strength AS strength, k.baseStrength AS base, k.channel AS channel",
    );
    expect(rows).toEqual([{ last: "2025-06-10", strength, base: 0.6, channel: "COLLEAGUE" }]);
  });

  it("derives known strengths for contacts of today: 0.393 and 0.632 on a new tie, 0.575 from 0.3; a hand-set strength stays", async () => {
    const first = await server.graphql<LogResult>(logMutation, { by: "kim", with: "lena", date: today(), channel: "EVENT" });
    // A new tie, one contact today: E = 1, 1 − e^(−0.5) = 0.393.
    expect(first.data?.logInteraction.tie).toMatchObject({ created: true, strength: 0.393, channel: "EVENT", evidence: 1 });
    const second = await server.graphql<LogResult>(logMutation, {
      by: "lena",
      with: "kim",
      date: today(),
      channel: "PHONE",
      result: "REPLIED",
    });
    // Two contacts today: E = 2, 1 − e^(−1) = 0.632 (warm); the tie is not created twice.
    expect(second.data?.logInteraction.tie).toMatchObject({
      created: false,
      strength: 0.632,
      previousStrength: 0.393,
      channel: "EVENT",
      interactions: 2,
    });
    expect(await count("(:Person {id: 'kim'})-[:KNOWS]-(:Person {id: 'lena'})")).toBe(1);

    const noor = await server.graphql<LogResult>(logMutation, { by: "kim", with: "noor", date: today(), channel: "MEETING" });
    // Base 0.3: 1 − 0.7·e^(−0.5) = 0.575.
    expect(noor.data?.logInteraction.tie).toMatchObject({
      created: false,
      strength: 0.575,
      previousStrength: 0.3,
      baseStrength: 0.3,
      channel: "LINKEDIN",
    });
    expect(await storedTie("kim", "noor")).toEqual([
      expect.objectContaining({ strength: 0.575, baseStrength: 0.3, lastContact: today() }),
    ]);

    const piet = await server.graphql<LogResult>(logMutation, { by: "kim", with: "piet", date: today(), channel: "MEETING" });
    expect(piet.data?.logInteraction.tie).toMatchObject({ created: false, strength: 0.8, manual: true, lastContact: today() });
    expect(await storedTie("piet", "kim")).toEqual([
      expect.objectContaining({ strength: 0.8, manual: true, lastContact: today() }),
    ]);
  });

  it("refuses bad input with a code and field, and writes nothing", async () => {
    const before = await count("(x:Interaction)");
    const tiesBefore = await count("()-[k:KNOWS]->()");
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ by: "ghost", with: "tess" }, "NOT_FOUND", "by"],
      [{ by: "kim", with: "ghost" }, "NOT_FOUND", "with"],
      [{ by: "kim", with: "tess", aboutCourse: "nope" }, "NOT_FOUND", "aboutCourse"],
      [{ by: "kim", with: "tess", aboutProgramme: "nope" }, "NOT_FOUND", "aboutProgramme"],
      [{ by: "kim", with: "tess", aboutProgramme: "p2", aboutCourse: "c1" }, "BAD_USER_INPUT", "aboutCourse"],
      [{ by: "kim", with: "kim" }, "BAD_USER_INPUT", "with"],
      [{ by: "kim", with: "tess", date: "2025-02-30" }, "BAD_USER_INPUT", "date"],
      [{ by: "kim", with: "tess", date: "2999-01-01" }, "BAD_USER_INPUT", "date"],
    ];
    for (const [vars, code, field] of cases) {
      const result = await server.graphql(logMutation, { date: "2025-05-01", channel: "EMAIL", result: "REPLIED", ...vars });
      expect(result.errors?.[0]?.extensions, JSON.stringify(vars)).toMatchObject({ code, field });
    }
    expect(await count("(x:Interaction)")).toBe(before);
    expect([await statusOf("p2"), await statusOf("c1")]).toEqual(["APPROACHED", "RESPONDED"]);
    const tie = await db.read(
      "MATCH (:Person {id: 'kim'})-[k:KNOWS]-(:Person {id: 'tess'}) RETURN toString(k.lastContact) AS last, k.strength AS strength, k.baseStrength AS base",
    );
    expect(tie).toEqual([{ last: "2025-02-01", strength: 0.6, base: null }]);
    expect(await count("()-[k:KNOWS]->()")).toBe(tiesBefore);
  });

  it("under concurrent logging ends at the highest implied status", async () => {
    const results = ["NO_REPLY", "REPLIED", "AGREED", "NOT_NOW", "NO_REPLY", "INTERESTED", "REPLIED", "NO_REPLY"];
    const answers = await Promise.all(
      results.map((result, n) =>
        server.graphql(logMutation, {
          by: "kim",
          with: "bram",
          date: `2025-05-0${n + 1}`,
          channel: "EMAIL",
          result,
          aboutCourse: "c2",
        }),
      ),
    );
    expect(answers.every((a) => a.errors === undefined)).toBe(true);
    expect(await statusOf("c2")).toBe("AGREEMENT");
    expect(await count("(:Interaction)-[:ABOUT]->(:Course {id: 'c2'})")).toBe(results.length);
    // One tie for the pair, derived from all nine of their interactions (x2 and the eight), each by
    // its weight: the answers (REPLIED, AGREED, INTERESTED) 1, the attempts and the refusal 0.
    const weights: Record<string, number> = { NO_REPLY: 0, REPLIED: 1, AGREED: 1, NOT_NOW: 0, INTERESTED: 1 };
    const contacts: Array<[string, number]> = [
      ["2025-04-01", 0],
      ...results.map((r, n): [string, number] => [`2025-05-0${n + 1}`, weights[r]!]),
    ];
    expect(await storedTie("kim", "bram")).toEqual([
      expect.objectContaining({ strength: documentedStrength(0, contacts), baseStrength: 0, lastContact: "2025-05-08" }),
    ]);
  });
});

describe("addExampleAssignment", () => {
  beforeEach(buildGraph);
  const mutation = `mutation Add($teacher: ID!, $course: ID!, $title: String!, $description: String, $received: String!) {
    addExampleAssignment(teacher: $teacher, course: $course, title: $title, description: $description, received: $received) {
      id title description received teacher { id } course { id } mappingChange { previous status changed }
    }
  }`;

  it("creates the example and moves a lower course to EXAMPLES_RECEIVED", async () => {
    const result = await server.graphql<{ addExampleAssignment: { id: string } }>(mutation, {
      teacher: "tess",
      course: "c1",
      title: "Dashboard for a bakery",
      description: "Power BI on sales data",
      received: "2025-04-15",
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.addExampleAssignment).toMatchObject({
      title: "Dashboard for a bakery",
      received: "2025-04-15",
      teacher: { id: "tess" },
      course: { id: "c1" },
      mappingChange: { previous: "RESPONDED", status: "EXAMPLES_RECEIVED", changed: true },
    });
    const rows = await db.read(
      `MATCH (t:Person)<-[:FROM_TEACHER]-(e:ExampleAssignment {id: $id})-[:FOR_COURSE]->(c:Course)
       RETURN t.id AS teacher, c.id AS course, e.title AS title, e.description AS description, toString(e.received) AS received`,
      { id: result.data?.addExampleAssignment.id },
    );
    expect(rows).toEqual([
      {
        teacher: "tess",
        course: "c1",
        title: "Dashboard for a bakery",
        description: "Power BI on sales data",
        received: "2025-04-15",
      },
    ]);
    expect(await statusOf("c1")).toBe("EXAMPLES_RECEIVED");
    const table = await server.graphql<{ mappingTable: Array<{ id: string; exampleAssignmentCount: number }> }>(
      `{ mappingTable(institution: "i1") { id exampleAssignmentCount } }`,
    );
    expect(table.data?.mappingTable.map((r) => [r.id, r.exampleAssignmentCount])).toEqual([
      ["p1", 1],
      ["c1", 1],
      ["c2", 0],
    ]);
  });

  it("leaves a course with an agreement at AGREEMENT", async () => {
    await db.write("MATCH (c:Course {id: 'c3'}) SET c.mappingStatus = 'AGREEMENT'");
    const result = await server.graphql(mutation, { teacher: "bram", course: "c3", title: "Campaign", received: "2025-04-15" });
    expect(result.data?.addExampleAssignment).toMatchObject({
      description: null,
      mappingChange: { previous: "AGREEMENT", status: "AGREEMENT", changed: false },
    });
  });

  it("refuses an unknown teacher or course, or an empty title, and writes nothing", async () => {
    for (const [vars, code, field] of [
      [{ teacher: "ghost", course: "c1", title: "x" }, "NOT_FOUND", "teacher"],
      [{ teacher: "tess", course: "ghost", title: "x" }, "NOT_FOUND", "course"],
      [{ teacher: "tess", course: "c1", title: "   " }, "BAD_USER_INPUT", "title"],
    ] as const) {
      const result = await server.graphql(mutation, { received: "2025-04-15", ...vars });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code, field });
    }
    expect(await count("(e:ExampleAssignment)")).toBe(0);
    expect(await statusOf("c1")).toBe("RESPONDED");
  });
});

describe("interactionLog", () => {
  beforeAll(async () => {
    await buildGraph();
    await db.write(`
      MATCH (kim:Person {id: 'kim'}), (tess:Person {id: 'tess'}), (bram:Person {id: 'bram'}), (c3:Course {id: 'c3'})
      CREATE (tess)-[:INITIATED]->(:Interaction {id: 'x3', date: date('2025-04-20'), channel: 'EVENT'})-[:WITH]->(kim),
             (kim)-[:INITIATED]->(x4:Interaction {id: 'x4', date: date('2025-05-01'), channel: 'WEBSITE'})-[:WITH]->(bram),
             (x4)-[:ABOUT]->(c3)`);
  });
  const query = `query Log($person: ID, $programme: ID, $course: ID, $from: String, $to: String, $limit: Int) {
    interactionLog(person: $person, programme: $programme, course: $course, from: $from, to: $to, limit: $limit) { id }
  }`;
  const ids = async (vars: Record<string, unknown>): Promise<string[] | undefined> =>
    (await server.graphql<{ interactionLog: Array<{ id: string }> }>(query, vars)).data?.interactionLog.map((x) => x.id);

  it("lists newest first and filters by person (either side), programme (with its courses), course and dates", async () => {
    expect(await ids({})).toEqual(["x4", "x3", "x2", "x1"]);
    expect(await ids({ person: "tess" })).toEqual(["x3", "x1"]);
    expect(await ids({ programme: "p1" })).toEqual(["x2", "x1"]);
    expect(await ids({ programme: "p2" })).toEqual(["x4"]);
    expect(await ids({ course: "c1" })).toEqual(["x1"]);
    expect(await ids({ from: "2025-03-01", to: "2025-04-20" })).toEqual(["x3", "x2", "x1"]);
    expect(await ids({ person: "kim", limit: 2 })).toEqual(["x4", "x3"]);
  });

  it("answers NOT_FOUND for an unknown person and BAD_USER_INPUT for a reversed range", async () => {
    const unknown = await server.graphql(query, { person: "ghost" });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", field: "person" });
    const reversed = await server.graphql(query, { from: "2025-05-01", to: "2025-04-01" });
    expect(reversed.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "from" });
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/platform/neo4j/database.js";
import { connectTestDatabase, resetGraph } from "../helpers/neo4j.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { day, instant, ok, refused, seedCase, seedCourse, seedInstitution, seedWorkspace } from "./cases-graph-fixtures.js";

/** The case board: column counts, filters, keyset pagination and the cards' figures. */
let db: Database;
let server: TestServer;

const BOARD = `query($filter: CaseBoardFilter, $first: Int, $after: String) {
  caseBoard(filter: $filter, first: $first, after: $after) {
    totalCount endCursor hasNextPage
    columns { status count }
    cards { id title status smeName partnerName coordinatorName suggestionCount openProposals }
  } }`;

interface Board {
  totalCount: number;
  endCursor: string | null;
  hasNextPage: boolean;
  columns: Array<{ status: string; count: number }>;
  cards: Array<{
    id: string;
    title: string;
    status: string;
    smeName: string | null;
    partnerName: string | null;
    coordinatorName: string | null;
    suggestionCount: number | null;
    openProposals: number;
  }>;
}

async function board(variables: Record<string, unknown> = {}): Promise<Board> {
  return (await ok<{ caseBoard: Board }>(server, BOARD, variables)).caseBoard;
}

const ids = (b: Board): string[] => b.cards.map((c) => c.id);

beforeAll(async () => {
  db = await connectTestDatabase();
  await resetGraph(db);
  server = await startTestServer(db);
  await seedWorkspace(db, {
    id: "ws",
    coordinators: [
      { id: "anna", name: "Anna" },
      { id: "bert", name: "Bert" },
    ],
  });
  await seedInstitution(db, { id: "hbo", kind: "HBO" });
  await seedInstitution(db, { id: "wo", kind: "WO" });
  const period = [{ id: "P", start: day(40), end: day(100) }];
  await seedCourse(db, {
    id: "c-data-1",
    name: "Data 1",
    themes: ["Data", "web"],
    institution: "hbo",
    teachers: ["t1"],
    periods: period,
  });
  await seedCourse(db, {
    id: "c-data-2",
    name: "Data 2",
    themes: ["data"],
    institution: "hbo",
    teachers: ["t2"],
    periods: period,
  });
  await seedCourse(db, {
    id: "c-data-wo",
    name: "Data WO",
    themes: ["data"],
    institution: "wo",
    teachers: ["t3"],
    periods: period,
  });
  await seedCourse(db, { id: "c-web", name: "Web", themes: ["web"], institution: "hbo", teachers: ["t4"], periods: period });

  // Eight cases, created one hour apart: k1 oldest, k8 newest.
  const specs = [
    { id: "k1", title: "Webshop bakkerij", status: "INTAKE", topics: ["web"], sme: "bakker", coordinator: "anna" },
    { id: "k2", title: "Data-analyse", status: "QUALIFIED", topics: ["data"], sme: "bakker", coordinator: "anna" },
    { id: "k3", title: "Dashboard", status: "PROPOSED", topics: ["data", "web"], sme: "fiets", coordinator: "bert" },
    {
      id: "k4",
      title: "Boekhouding",
      status: "PROPOSED",
      topics: ["finance"],
      sme: "fiets",
      coordinator: "bert",
      wantedLevels: ["MBO"],
    },
    { id: "k5", title: "App", status: "MATCHED", topics: ["data"], sme: "kapper", coordinator: "anna" },
    { id: "k6", title: "Social media", status: "IN_SPRINT", topics: ["marketing"], sme: "kapper" },
    { id: "k7", title: "Cyber", status: "COMPLETED", topics: ["security"], sme: "slager" },
    { id: "k8", title: "Data voor de slager", status: "CLOSED", topics: ["data"], sme: "slager" },
  ];
  for (const [i, spec] of specs.entries()) await seedCase(db, { ...spec, created: instant(-1 + i / 24) });
  await db.write(`MATCH (s:Sme {id: 'bakker'}) SET s.name = 'Bakkerij De Graaf'`);
  await db.write(`CREATE (:Partner {id: 'rabo', name: 'Rabobank', kind: 'BANK'})`);
  await db.write(
    `MATCH (p:Partner {id: 'rabo'}), (s:Sme)-[:ASKED]->(k:Case) WHERE s.id IN ['bakker', 'kapper'] CREATE (p)-[:REFERRED {date: date()}]->(k)`,
  );
  // k3 was proposed for an HBO course (open); k5 runs at the WO course.
  await db.write(
    `MATCH (k:Case {id: 'k3'}), (t:Person {id: 't1'}), (c:Course {id: 'c-data-1'})
     CREATE (p:Proposal {id: 'p3', sentAt: datetime($sent), expiresAt: datetime($sent) + duration('P14D'), channel: 'EMAIL'})
     CREATE (p)-[:OF_CASE]->(k), (p)-[:TO_TEACHER]->(t), (p)-[:FOR_COURSE]->(c)`,
    { sent: instant(-1) },
  );
  await db.write(
    `MATCH (k:Case {id: 'k5'}), (c:Course {id: 'c-data-wo'}), (p:TeachingPeriod {id: 'P'})
     CREATE (s:Sprint {id: 's5', status: 'PLANNED'})-[:FOR_CASE]->(k), (s)-[:IN_COURSE]->(c), (s)-[:IN_PERIOD]->(p)`,
  );
});

afterAll(async () => {
  await server?.http.close();
  await db?.close();
});

describe("caseBoard", () => {
  it("counts every status column and lists the cards newest first", async () => {
    const b = await board();
    expect(b.columns).toEqual([
      { status: "INTAKE", count: 1 },
      { status: "QUALIFIED", count: 1 },
      { status: "PROPOSED", count: 2 },
      { status: "MATCHED", count: 1 },
      { status: "IN_SPRINT", count: 1 },
      { status: "COMPLETED", count: 1 },
      { status: "CLOSED", count: 1 },
    ]);
    expect(b.totalCount).toBe(8);
    expect(ids(b)).toEqual(["k8", "k7", "k6", "k5", "k4", "k3", "k2", "k1"]);
    expect(b.hasNextPage).toBe(false);
  });

  it("shows the SME, partner, coordinator, open proposals and — while matching — the suggestion count", async () => {
    // The cases were written with Cypher, so nothing has counted their suggestions yet.
    expect((await board()).cards.find((c) => c.id === "k2")?.suggestionCount).toBeNull();
    const refreshed = await ok<{ refreshSuggestionCounts: number }>(server, `mutation { refreshSuggestionCounts }`);
    expect(refreshed.refreshSuggestionCounts).toBe(4);
    const cards = new Map((await board()).cards.map((c) => [c.id, c]));
    expect(cards.get("k1")).toMatchObject({ smeName: "Bakkerij De Graaf", partnerName: "Rabobank", coordinatorName: "Anna" });
    expect(cards.get("k3")).toMatchObject({ openProposals: 1, coordinatorName: "Bert", partnerName: null });
    // k1 (web, HBO): Data 1 and Web. k2 (data, HBO): Data 1 and Data 2 — not the WO course.
    // k3 (data + web): Data 1, Data 2, Web. k4 (finance, MBO): none. k5 is matched: no count.
    expect([1, 2, 3, 4, 5].map((n) => cards.get(`k${n}`)?.suggestionCount)).toEqual([2, 2, 3, 0, null]);
  });

  it("filters by topic, level, partner, coordinator, search text and institution", async () => {
    expect(ids(await board({ filter: { topic: "DATA" } }))).toEqual(["k8", "k5", "k3", "k2"]);
    expect(ids(await board({ filter: { level: "MBO" } }))).toEqual(["k4"]);
    expect(ids(await board({ filter: { partner: "rabo" } }))).toEqual(["k6", "k5", "k2", "k1"]);
    expect(ids(await board({ filter: { coordinator: "bert" } }))).toEqual(["k4", "k3"]);
    expect(ids(await board({ filter: { search: "bakkerij" } }))).toEqual(["k2", "k1"]);
    expect(ids(await board({ filter: { search: "dash" } }))).toEqual(["k3"]);
    expect(ids(await board({ filter: { institution: "hbo" } }))).toEqual(["k3"]);
    expect(ids(await board({ filter: { institution: "wo" } }))).toEqual(["k5"]);
    const combined = await board({ filter: { topic: "data", coordinator: "anna" } });
    expect(ids(combined)).toEqual(["k5", "k2"]);
    expect(combined.totalCount).toBe(2);
  });

  it("keeps every column's count when showing one column", async () => {
    const b = await board({ filter: { status: "PROPOSED" } });
    expect(ids(b)).toEqual(["k4", "k3"]);
    expect(b.totalCount).toBe(8);
  });

  it("pages through the cards with a cursor, each card exactly once", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const b: Board = await board({ first: 3, after });
      seen.push(...ids(b));
      if (!b.hasNextPage) break;
      after = b.endCursor;
    }
    expect(seen).toEqual(["k8", "k7", "k6", "k5", "k4", "k3", "k2", "k1"]);
  });

  it("counts suggestions for a case taken in through intake, and recounts when courses change", async () => {
    const intake = await ok<{ intakeCase: { caseId: string } }>(
      server,
      `mutation { intakeCase(input: { sme: { name: "Nieuw BV" }, title: "Webvraag", coordinator: "anna", topics: ["WEB"], wantedLevels: [HBO, WO] }) { caseId } }`,
    );
    const count = async (): Promise<number | null | undefined> =>
      (await board({ filter: { search: "webvraag" } })).cards.find((c) => c.id === intake.intakeCase.caseId)?.suggestionCount;
    expect(await count()).toBe(2);
    await seedCourse(db, { id: "c-web-wo", name: "Web WO", themes: ["web"], institution: "wo" });
    expect(await count()).toBe(2);
    await ok(server, `mutation { refreshSuggestionCounts }`);
    expect(await count()).toBe(3);
  });

  it("refuses a cursor it did not give out and a page too large", async () => {
    expect((await refused(server, BOARD, { after: "bogus" })).extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "after",
    });
    expect((await refused(server, BOARD, { first: 1000 })).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
  });
});

describe("access", () => {
  it("lets a viewer read the board but not take in a case or read a closing note", async () => {
    const viewer = await startTestServer(db, { roles: ["VIEWER"] });
    try {
      expect((await viewer.graphql(BOARD, { first: 1 })).errors).toBeUndefined();
      const intake = await viewer.graphql(
        `mutation { intakeCase(input: { sme: { name: "X" }, title: "Y", wantedLevels: [HBO] }) { caseId } }`,
      );
      expect(intake.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      await ok(server, `mutation { closeCase(case: "k1", reason: WITHDRAWN, note: "Privé reden") { to } }`);
      const timeline = await viewer.graphql(`query { caseTimeline(case: "k1") { kind to note } }`);
      expect(timeline.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect(JSON.stringify(timeline.data)).not.toContain("Privé reden");
    } finally {
      await viewer.http.close();
    }
  });
});

describe("my cases and the cards' signals (#17 part 7)", () => {
  const SIGNALS = `query($filter: CaseBoardFilter) { caseBoard(filter: $filter, first: 50) {
    totalCount cards { id status stateSince daysInState ageing startSignal deadlineSignal daysToDeadline } } }`;
  type SignalCard = {
    id: string;
    status: string;
    stateSince: string;
    daysInState: number;
    ageing: string | null;
    startSignal: string | null;
    deadlineSignal: string | null;
    daysToDeadline: number | null;
  };

  it("lists the cases handled by the signed-in coordinator's person, and refuses 'mine' for an account without one", async () => {
    const bert = await startTestServer(db, { personId: "bert" });
    try {
      const mine = await ok<{ caseBoard: Board }>(bert, BOARD, { filter: { mine: true } });
      expect(ids(mine.caseBoard)).toEqual(["k4", "k3"]);
      // `mine` takes the place of a coordinator filter.
      const both = await ok<{ caseBoard: Board }>(bert, BOARD, { filter: { mine: true, coordinator: "anna" } });
      expect(ids(both.caseBoard)).toEqual(["k4", "k3"]);
    } finally {
      await bert.http.close();
    }
    expect((await refused(server, BOARD, { filter: { mine: true } })).extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "filter.mine",
    });
  });

  it("counts the days in the current state from the last event into it, and flags ageing, a passed start and a near deadline", async () => {
    // In intake for 20 days (stale after 14), the desired start 3 days ago, the deadline in 5 days.
    await seedCase(db, {
      id: "sig-1",
      title: "Signaal oud",
      status: "INTAKE",
      created: instant(-20),
      earliestStart: day(-3),
      deadline: day(5),
    });
    // Created 40 days ago, matched 10 days ago (ageing after 30: not yet), the deadline passed 2 days ago.
    await seedCase(db, { id: "sig-2", title: "Signaal gematcht", status: "MATCHED", created: instant(-40), deadline: day(-2) });
    await db.write(
      `MATCH (k:Case {id: 'sig-2'}) CREATE (k)-[:HAD_EVENT]->(:CaseEvent {id: randomUUID(), from: 'PROPOSED', to: 'MATCHED', at: datetime($at)})`,
      { at: instant(-10) },
    );
    // A completed case never ages and has no date signals, however old.
    await seedCase(db, { id: "sig-3", title: "Signaal klaar", status: "COMPLETED", created: instant(-300), deadline: day(-100) });
    const cards = new Map(
      (await ok<{ caseBoard: { cards: SignalCard[] } }>(server, SIGNALS, { filter: { search: "signaal" } })).caseBoard.cards.map(
        (c) => [c.id, c],
      ),
    );
    expect(cards.get("sig-1")).toMatchObject({
      daysInState: 20,
      ageing: "STALE",
      startSignal: "PASSED",
      deadlineSignal: "APPROACHING",
      daysToDeadline: 5,
    });
    expect(cards.get("sig-2")).toMatchObject({
      daysInState: 10,
      ageing: null,
      startSignal: null,
      deadlineSignal: "PASSED",
      daysToDeadline: -2,
    });
    expect(Date.parse(cards.get("sig-2")?.stateSince ?? "")).toBeCloseTo(Date.parse(instant(-10)), -5);
    expect(cards.get("sig-3")).toMatchObject({ ageing: null, startSignal: null, deadlineSignal: null, daysToDeadline: null });
  });
});

describe("refreshSuggestionCounts against the one-case count", () => {
  // The recount of every case (REFRESH_SUGGESTION_COUNTS, courses grouped by topic and level) must give each case what
  // the count of that case alone gives: cases with the same topics and levels in other orders or twice, the same topics
  // at other levels, no topics, no levels.
  const alike = [
    { id: "k9", status: "INTAKE", topics: ["web", "data"], wantedLevels: ["WO", "HBO"] },
    { id: "k10", status: "QUALIFIED", topics: ["data", "web"], wantedLevels: ["HBO", "WO"] },
    { id: "k11", status: "PROPOSED", topics: ["data", "web"], wantedLevels: ["HBO"] },
    { id: "k12", status: "INTAKE", topics: ["data", "web", "data"], wantedLevels: ["WO", "HBO", "WO"] },
    { id: "k13", status: "QUALIFIED", topics: [], wantedLevels: ["HBO"] },
    { id: "k14", status: "INTAKE", topics: ["data"], wantedLevels: ["HBO"] },
  ];

  beforeAll(async () => {
    for (const spec of alike) await seedCase(db, { ...spec, sme: "alike" });
    // k14 has no wanted levels at all (an intake that has not asked yet).
    await db.write(`MATCH (k:Case {id: 'k14'}) REMOVE k.wantedLevels`);
  });

  afterAll(async () => {
    await db.write(
      `MATCH (k:Case) WHERE k.id IN $ids OPTIONAL MATCH (k)-[:HAD_EVENT]->(e:CaseEvent) DETACH DELETE k, e
       WITH count(*) AS _ MATCH (s:Sme {id: 'alike'}) DETACH DELETE s`,
      { ids: alike.map((c) => c.id) },
    );
  });

  it("gives every case the count it has alone", async () => {
    await ok(server, `mutation { refreshSuggestionCounts }`);
    const rows = await db.read(
      `MATCH (k:Case) WHERE k.status IN ['INTAKE', 'QUALIFIED', 'PROPOSED']
       RETURN k.id AS id, k.suggestionCount AS stored,
              COUNT { MATCH (k)-[:ABOUT]->(:Topic)<-[:ABOUT]-(c:Course)-[:PART_OF]->(:Programme)-[:OFFERED_BY]->(i:Institution)
                      WHERE i.kind IN coalesce(k.wantedLevels, []) RETURN DISTINCT c } AS alone
       ORDER BY id`,
    );
    const stored = new Map(rows.map((r) => [String(r.id), Number(r.stored)]));
    expect(rows.map((r) => r.id)).toEqual(expect.arrayContaining(["k2", "k3", "k4", ...alike.map((c) => c.id)]));
    for (const row of rows) expect({ id: row.id, count: Number(row.stored) }).toEqual({ id: row.id, count: Number(row.alone) });
    // The same sets in other orders: one count. HBO only: Data 1, Data 2 and Web. No topics, or no levels: none.
    expect(stored.get("k10")).toBe(stored.get("k9"));
    expect(stored.get("k12")).toBe(stored.get("k9"));
    expect(stored.get("k11")).toBe(3);
    expect(stored.get("k9")).toBeGreaterThan(3);
    expect(stored.get("k13")).toBe(0);
    expect(stored.get("k14")).toBe(0);
    // k2 (data, HBO; k1 was closed above) is alike with none of them and keeps its own: Data 1 and Data 2.
    expect(stored.get("k2")).toBe(2);
  });
});

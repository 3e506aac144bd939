import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/platform/neo4j/database.js";
import { connectTestDatabase, resetGraph } from "../helpers/neo4j.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

/**
 * The figures of docs/figures.md on a small graph with known events. Each figure from the API is
 * compared with the same figure recomputed here, in TypeScript, from raw rows read with plain
 * Cypher; a few values are also checked by hand.
 */
let db: Database;
let server: TestServer;

beforeAll(async () => {
  db = await connectTestDatabase();
  await resetGraph(db);
  server = await startTestServer(db);
  await buildGraph();
});

afterAll(async () => {
  await server?.http.close();
  await db?.close();
});

type Ev = [to: string, at: string];
interface CaseSpec {
  id: string;
  created: string;
  status: string;
  events: Ev[];
  sme: string;
  sprint?: { id: string; status: string; course: string; period?: string };
}

const cases: CaseSpec[] = [
  {
    id: "A",
    created: "2025-01-10T09:00:00Z",
    status: "COMPLETED",
    sme: "s1",
    events: [
      ["INTAKE", "2025-01-10T09:00:00Z"],
      ["QUALIFIED", "2025-01-12T10:00:00Z"],
      ["PROPOSED", "2025-01-15T10:00:00Z"],
      ["MATCHED", "2025-01-20T21:00:00Z"],
      ["IN_SPRINT", "2025-02-05T08:00:00Z"],
      ["COMPLETED", "2025-04-10T12:00:00Z"],
    ],
    sprint: { id: "spA", status: "COMPLETED", course: "cH1", period: "P1" },
  },
  {
    id: "B",
    created: "2025-01-25T00:00:00Z",
    status: "MATCHED",
    sme: "s1",
    events: [
      ["INTAKE", "2025-01-25T00:00:00Z"],
      ["QUALIFIED", "2025-01-26T00:00:00Z"],
      ["PROPOSED", "2025-01-28T00:00:00Z"],
      ["MATCHED", "2025-02-04T12:00:00Z"],
    ],
    sprint: { id: "spB", status: "PLANNED", course: "cW", period: "W1" },
  },
  {
    id: "C",
    created: "2025-02-03T10:00:00Z",
    status: "CLOSED",
    sme: "s2",
    events: [
      ["INTAKE", "2025-02-03T10:00:00Z"],
      ["QUALIFIED", "2025-02-04T10:00:00Z"],
      ["PROPOSED", "2025-02-10T10:00:00Z"],
      ["CLOSED", "2025-03-01T10:00:00Z"],
    ],
  },
  { id: "D", created: "2025-03-15T14:30:00Z", status: "INTAKE", sme: "s3", events: [["INTAKE", "2025-03-15T14:30:00Z"]] },
  {
    id: "E",
    created: "2025-04-20T08:00:00Z",
    status: "COMPLETED",
    sme: "s4",
    events: [
      ["INTAKE", "2025-04-20T08:00:00Z"],
      ["QUALIFIED", "2025-04-21T08:00:00Z"],
      ["MATCHED", "2025-05-01T08:00:00Z"],
      ["IN_SPRINT", "2025-05-02T08:00:00Z"],
      ["COMPLETED", "2025-06-30T20:00:00Z"],
    ],
    sprint: { id: "spE", status: "COMPLETED", course: "cH2", period: "P2" },
  },
  {
    id: "F",
    created: "2025-04-22T08:00:00Z",
    status: "CLOSED",
    sme: "s5",
    events: [
      ["INTAKE", "2025-04-22T08:00:00Z"],
      ["QUALIFIED", "2025-04-23T08:00:00Z"],
      ["MATCHED", "2025-04-30T08:00:00Z"],
      ["CLOSED", "2025-05-10T08:00:00Z"],
    ],
    sprint: { id: "spF", status: "CANCELLED", course: "cM" },
  },
  {
    id: "G",
    created: "2024-12-05T12:00:00Z",
    status: "QUALIFIED",
    sme: "s3",
    events: [
      ["INTAKE", "2024-12-05T12:00:00Z"],
      ["QUALIFIED", "2024-12-06T12:00:00Z"],
    ],
  },
  // Matched twice (unmatched in between): the first MATCHED event counts.
  {
    id: "H",
    created: "2025-09-10T10:00:00Z",
    status: "IN_SPRINT",
    sme: "s2",
    events: [
      ["INTAKE", "2025-09-10T10:00:00Z"],
      ["MATCHED", "2025-09-14T10:00:00Z"],
      ["QUALIFIED", "2025-09-20T10:00:00Z"],
      ["MATCHED", "2025-09-25T10:00:00Z"],
      ["IN_SPRINT", "2025-09-26T10:00:00Z"],
    ],
    sprint: { id: "spH", status: "RUNNING", course: "cH1", period: "P3" },
  },
  // In the summer between two periods: it belongs to the period that started last (P2).
  { id: "I", created: "2025-08-01T10:00:00Z", status: "INTAKE", sme: "s5", events: [["INTAKE", "2025-08-01T10:00:00Z"]] },
];

async function buildGraph(): Promise<void> {
  await db.write(`
    CREATE (iH:Institution {id: 'iH', name: 'Hogeschool', kind: 'HBO'}), (iW:Institution {id: 'iW', name: 'Universiteit', kind: 'WO'}),
      (iM:Institution {id: 'iM', name: 'ROC', kind: 'MBO'}), (:Institution {id: 'iX', name: 'Academie', kind: 'HBO'}),
      (pH:Programme {id: 'pH', name: 'HBO-ICT', level: 'BACHELOR'})-[:OFFERED_BY]->(iH),
      (pW:Programme {id: 'pW', name: 'Informatiekunde', level: 'MASTER'})-[:OFFERED_BY]->(iW),
      (pM:Programme {id: 'pM', name: 'Software Developer', level: 'MBO_4'})-[:OFFERED_BY]->(iM),
      (:Course {id: 'cH1', name: 'Data Sprint', kind: 'PROJECT', themes: []})-[:PART_OF]->(pH),
      (:Course {id: 'cH2', name: 'Web Lab', kind: 'PROJECT', themes: []})-[:PART_OF]->(pH),
      (:Course {id: 'cW', name: 'BI', kind: 'COURSE', themes: []})-[:PART_OF]->(pW),
      (:Course {id: 'cM', name: 'Apps', kind: 'PROJECT', themes: []})-[:PART_OF]->(pM),
      (iH)-[:HAS_PERIOD]->(:TeachingPeriod {id: 'P1', name: 'Blok 3', academicYear: '2024-2025', startDate: date('2025-02-01'), endDate: date('2025-04-15')}),
      (iH)-[:HAS_PERIOD]->(:TeachingPeriod {id: 'P2', name: 'Blok 4', academicYear: '2024-2025', startDate: date('2025-04-16'), endDate: date('2025-07-05')}),
      (iH)-[:HAS_PERIOD]->(:TeachingPeriod {id: 'P3', name: 'Blok 1', academicYear: '2025-2026', startDate: date('2025-09-01'), endDate: date('2025-11-10')}),
      (iW)-[:HAS_PERIOD]->(:TeachingPeriod {id: 'W1', name: 'Semester 2', academicYear: '2024-2025', startDate: date('2025-02-01'), endDate: date('2025-06-30')}),
      (bank:Partner {id: 'bank', name: 'De Bank', kind: 'BANK'}), (kvk:Partner {id: 'kvk', name: 'KvK', kind: 'CHAMBER_OF_COMMERCE'}),
      (:Partner {id: 'net', name: 'Netwerk', kind: 'NETWORK'}),
      (s1:Sme {id: 's1', name: 'Bakkerij'}), (s2:Sme {id: 's2', name: 'Fietsen'}), (s3:Sme {id: 's3', name: 'Kapper'}),
      (s4:Sme {id: 's4', name: 'Drukker'}), (s5:Sme {id: 's5', name: 'Bouw'})
  `);
  await db.write(
    `UNWIND $cases AS k
     MATCH (s:Sme {id: k.sme})
     CREATE (s)-[:ASKED]->(c:Case {id: k.id, title: 'Case ' + k.id, topics: [], wantedLevels: [], status: k.status, created: datetime(k.created)})
     WITH c, k
     CALL (c, k) {
       UNWIND range(0, size(k.events) - 1) AS n
       CREATE (c)-[:HAD_EVENT]->(:CaseEvent {id: k.id + '-' + n, from: CASE WHEN n = 0 THEN null ELSE k.events[n - 1][0] END,
         to: k.events[n][0], at: datetime(k.events[n][1])})
     }
     CALL (c, k) {
       WITH k WHERE k.sprint IS NOT NULL
       MATCH (course:Course {id: k.sprint.course})
       CREATE (:Sprint {id: k.sprint.id, status: k.sprint.status})-[:FOR_CASE]->(c)
       WITH k, course, c
       MATCH (sp:Sprint {id: k.sprint.id})
       CREATE (sp)-[:IN_COURSE]->(course)
       WITH k, sp
       MATCH (tp:TeachingPeriod {id: k.sprint.period})
       CREATE (sp)-[:IN_PERIOD]->(tp)
     }`,
    { cases: cases.map((c) => ({ ...c, sprint: c.sprint ?? null })) },
  );
  // A referral belongs to the case (#12): s2 came through the bank with C and through the KvK with H;
  // D and G (s3) came in without a partner, and the network partner referred nothing.
  await db.write(`
    UNWIND [['bank', 'A', '2024-11-20'], ['bank', 'B', '2025-02-01'], ['bank', 'C', '2025-02-01'], ['kvk', 'H', '2025-03-01'],
            ['bank', 'E', '2025-04-01'], ['kvk', 'F', '2025-04-15'], ['kvk', 'I', '2025-08-01']] AS r
    MATCH (p:Partner {id: r[0]}), (c:Case {id: r[1]})
    CREATE (p)-[:REFERRED {date: date(r[2])}]->(c)`);
  // Proposals: expiresAt before 2025-06-01 counts as expired at asOf = 2025-06-01.
  await db.write(
    `CREATE (t1:Person {id: 't1', name: 'Anna'}), (t2:Person {id: 't2', name: 'Bart'}), (t3:Person {id: 't3', name: 'Carla'}), (:Person {id: 't4', name: 'Dirk'})
     WITH t1, t2, t3
     UNWIND [
       [t1, '2025-01-15T10:00:00Z', 'INTERESTED', '2025-01-29T10:00:00Z', 'A'],
       [t1, '2025-02-10T10:00:00Z', 'DECLINED', '2025-02-24T10:00:00Z', 'C'],
       [t1, '2025-04-21T10:00:00Z', null, '2025-05-05T10:00:00Z', 'E'],
       [t1, '2025-05-25T10:00:00Z', null, '2025-06-08T10:00:00Z', 'D'],
       [t2, '2025-01-28T10:00:00Z', 'INTERESTED', '2025-02-11T10:00:00Z', 'B'],
       [t2, '2025-02-11T10:00:00Z', 'NOT_NOW', '2025-02-25T10:00:00Z', 'C'],
       [t3, '2025-04-23T10:00:00Z', 'INTERESTED', '2025-05-07T10:00:00Z', 'F'],
       [t3, '2025-03-01T10:00:00Z', null, '2025-03-15T10:00:00Z', 'D']
     ] AS p
     WITH p[0] AS t, p
     MATCH (c:Case {id: p[4]})
     CREATE (t)<-[:TO_TEACHER]-(:Proposal {id: randomUUID(), sentAt: datetime(p[1]), channel: 'EMAIL', answer: p[2], expiresAt: datetime(p[3])})-[:OF_CASE]->(c)`,
  );
}

// --- Raw rows and the independent recomputation -------------------------------------------------

const mainLine = ["INTAKE", "QUALIFIED", "PROPOSED", "MATCHED", "IN_SPRINT", "COMPLETED"];
const ms = (iso: string): number => new Date(iso).getTime();
const day = (iso: string): string => new Date(iso).toISOString().slice(0, 10);
const inWindow = (d: string, from?: string, to?: string): boolean => (!from || d >= from) && (!to || d <= to);

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

interface RawCase {
  id: string;
  status: string;
  created: string;
  events: Array<{ to: string; at: string }>;
}

async function rawCases(): Promise<RawCase[]> {
  const rows = await db.read(
    `MATCH (c:Case) RETURN c.id AS id, c.status AS status, toString(c.created) AS created,
       [(c)-[:HAD_EVENT]->(e) | {to: e.to, at: toString(e.at)}] AS events`,
  );
  return rows as unknown as RawCase[];
}

function furthest(c: RawCase): number {
  const ranks = [c.status, ...c.events.map((e) => e.to)].map((s) => mainLine.indexOf(s)).filter((r) => r >= 0);
  return Math.max(0, ...ranks);
}

function firstAt(c: RawCase, to: string): string | undefined {
  return c.events
    .filter((e) => e.to === to)
    .map((e) => e.at)
    .sort((a, b) => ms(a) - ms(b))[0];
}

function stageCounts(group: RawCase[]) {
  const reached = (r: number) => group.filter((c) => furthest(c) >= r).length;
  return {
    created: group.length,
    qualified: reached(1),
    proposed: reached(2),
    matched: reached(3),
    inSprint: reached(4),
    completed: reached(5),
    closed: group.filter((c) => c.status === "CLOSED").length,
  };
}

// --- The tests ------------------------------------------------------------------------------------

describe("F1 caseFunnel", () => {
  const query = `query F($from: String, $to: String) { caseFunnel(from: $from, to: $to) { status current reached } }`;

  it.each([
    [undefined, undefined],
    ["2025-01-01", "2025-04-30"],
    ["2025-04-21", undefined],
  ])("matches the recomputation for window %s – %s", async (from, to) => {
    const result = await server.graphql<{ caseFunnel: Array<{ status: string; current: number; reached: number }> }>(query, {
      from,
      to,
    });
    expect(result.errors).toBeUndefined();
    const raw = (await rawCases()).filter((c) => inWindow(day(c.created), from, to));
    const expected = [...mainLine, "CLOSED"].map((status) => ({
      status,
      current: raw.filter((c) => c.status === status).length,
      reached:
        status === "CLOSED"
          ? raw.filter((c) => c.status === "CLOSED").length
          : raw.filter((c) => furthest(c) >= mainLine.indexOf(status)).length,
    }));
    expect(result.data?.caseFunnel).toEqual(expected);
  });

  it("counts by hand: 9 cases reached INTAKE, 5 got matched (A, B, E, F, H), 2 are closed", async () => {
    const result = await server.graphql<{ caseFunnel: Array<{ status: string; current: number; reached: number }> }>(query);
    const byStatus = Object.fromEntries(result.data!.caseFunnel.map((s) => [s.status, s]));
    expect(byStatus.INTAKE).toEqual({ status: "INTAKE", current: 2, reached: 9 });
    expect(byStatus.MATCHED).toEqual({ status: "MATCHED", current: 1, reached: 5 });
    expect(byStatus.CLOSED).toEqual({ status: "CLOSED", current: 2, reached: 2 });
  });
});

describe("F2 caseFunnelByPeriod", () => {
  const query = `query F($g: FunnelGranularity!, $i: ID, $from: String, $to: String) {
    caseFunnelByPeriod(granularity: $g, institution: $i, from: $from, to: $to) { key label start end created qualified proposed matched inSprint completed closed }
  }`;

  it("per month: every month from the first to the last case, gaps as zero", async () => {
    const result = await server.graphql<{ caseFunnelByPeriod: Array<Record<string, unknown>> }>(query, { g: "MONTH" });
    expect(result.errors).toBeUndefined();
    const raw = await rawCases();
    const months = raw.map((c) => new Date(c.created).toISOString().slice(0, 7)).sort();
    const expected: Array<Record<string, unknown>> = [];
    for (
      let d = new Date(`${months[0]}-01T00:00:00Z`);
      d.toISOString().slice(0, 7) <= months.at(-1)!;
      d.setUTCMonth(d.getUTCMonth() + 1)
    ) {
      const key = d.toISOString().slice(0, 7);
      const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
      expected.push({
        key,
        label: key,
        start: `${key}-01`,
        end: last,
        ...stageCounts(raw.filter((c) => c.created.startsWith(key))),
      });
    }
    expect(result.data?.caseFunnelByPeriod).toEqual(expected);
    expect(expected).toHaveLength(10); // 2024-12 … 2025-09
    expect(result.data?.caseFunnelByPeriod[1]).toMatchObject({ key: "2025-01", created: 2, matched: 2, completed: 1 });
  });

  it("per month within a window: the window's months, also when empty", async () => {
    const result = await server.graphql<{ caseFunnelByPeriod: Array<{ key: string; created: number }> }>(query, {
      g: "MONTH",
      from: "2025-06-15",
      to: "2025-08-31",
    });
    expect(result.data?.caseFunnelByPeriod.map((p) => [p.key, p.created])).toEqual([
      ["2025-06", 0],
      ["2025-07", 0],
      ["2025-08", 1],
    ]);
  });

  it("per teaching period of an institution: a case belongs to the period that started last on or before its creation", async () => {
    const result = await server.graphql<{ caseFunnelByPeriod: Array<Record<string, unknown>> }>(query, {
      g: "TEACHING_PERIOD",
      i: "iH",
    });
    expect(result.errors).toBeUndefined();
    const raw = await rawCases();
    const periods = (await db.read(
      `MATCH (:Institution {id: 'iH'})-[:HAS_PERIOD]->(tp) RETURN tp.id AS id, tp.name AS name, tp.academicYear AS year,
         toString(tp.startDate) AS start, toString(tp.endDate) AS end ORDER BY start`,
    )) as Array<{ id: string; name: string; year: string; start: string; end: string }>;
    const bucketOf = (c: RawCase) => periods.filter((p) => p.start <= day(c.created)).at(-1)?.id;
    const expected = periods.map((p) => ({
      key: p.id,
      label: `${p.name} ${p.year}`,
      start: p.start,
      end: p.end,
      ...stageCounts(raw.filter((c) => bucketOf(c) === p.id)),
    }));
    expect(result.data?.caseFunnelByPeriod).toEqual(expected);
    // By hand: P1 has C and D, P2 has E, F and the summer case I, P3 has H; A, B and G came before P1.
    expect(result.data?.caseFunnelByPeriod.map((p) => [p.key, p.created, p.matched, p.closed])).toEqual([
      ["P1", 2, 0, 1],
      ["P2", 3, 2, 1],
      ["P3", 1, 1, 0],
    ]);
  });

  it("needs an existing institution for teaching periods", async () => {
    const missing = await server.graphql(query, { g: "TEACHING_PERIOD" });
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "institution" });
    const unknown = await server.graphql(query, { g: "TEACHING_PERIOD", i: "nope" });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", field: "institution" });
    const reversed = await server.graphql(query, { g: "MONTH", from: "2025-05-01", to: "2025-01-01" });
    expect(reversed.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "from" });
  });
});

describe("F3 caseDurations", () => {
  const query = `query F($from: String, $to: String) {
    caseDurations(from: $from, to: $to) { intakeToMatch { medianDays cases } matchToCompleted { medianDays cases } }
  }`;

  it.each([
    [undefined, undefined],
    ["2025-01-01", "2025-03-31"],
    ["2025-10-01", undefined],
  ])("matches the recomputation for window %s – %s", async (from, to) => {
    const result = await server.graphql<{
      caseDurations: {
        intakeToMatch: { medianDays: number | null; cases: number };
        matchToCompleted: { medianDays: number | null; cases: number };
      };
    }>(query, { from, to });
    expect(result.errors).toBeUndefined();
    const raw = (await rawCases()).filter((c) => inWindow(day(c.created), from, to));
    const toMatch = raw.flatMap((c) => {
      const m = firstAt(c, "MATCHED");
      return m ? [(ms(m) - ms(c.created)) / 86_400_000] : [];
    });
    const toComplete = raw.flatMap((c) => {
      const m = firstAt(c, "MATCHED");
      const d = firstAt(c, "COMPLETED");
      return m && d ? [(ms(d) - ms(m)) / 86_400_000] : [];
    });
    const got = result.data!.caseDurations;
    expect(got.intakeToMatch.cases).toBe(toMatch.length);
    expect(got.matchToCompleted.cases).toBe(toComplete.length);
    const expectClose = (actual: number | null, wanted: number | null) =>
      wanted === null ? expect(actual).toBeNull() : expect(actual).toBeCloseTo(wanted, 9);
    expectClose(got.intakeToMatch.medianDays, median(toMatch));
    expectClose(got.matchToCompleted.medianDays, median(toComplete));
  });

  it("by hand: intake→match A 10.5, B 10.5, E 11, F 8, H 4 days → median 10.5; match→completed A 79.625, E 60.5 → 70.0625", async () => {
    const result = await server.graphql<{
      caseDurations: { intakeToMatch: { medianDays: number }; matchToCompleted: { medianDays: number } };
    }>(query);
    expect(result.data?.caseDurations.intakeToMatch.medianDays).toBeCloseTo(10.5, 9);
    expect(result.data?.caseDurations.matchToCompleted.medianDays).toBeCloseTo(70.0625, 9);
  });
});

describe("F4 matchFigures", () => {
  const query = `query F($from: String, $to: String) {
    matchFigures(from: $from, to: $to) {
      total
      byInstitution { institutionId institutionName level matches }
      byLevel { level matches }
      byTeachingPeriod { periodId periodName academicYear startDate institutionName matches }
    }
  }`;

  it.each([
    [undefined, undefined],
    ["2025-01-20", "2025-06-30"],
  ])("matches the recomputation for window %s – %s", async (from, to) => {
    const result = await server.graphql<{ matchFigures: Record<string, unknown> }>(query, { from, to });
    expect(result.errors).toBeUndefined();
    const sprints = (await db.read(
      `MATCH (s:Sprint)-[:FOR_CASE]->(c:Case)
       OPTIONAL MATCH (s)-[:IN_COURSE]->(:Course)-[:PART_OF]->(:Programme)-[:OFFERED_BY]->(i:Institution)
       OPTIONAL MATCH (s)-[:IN_PERIOD]->(tp:TeachingPeriod)
       RETURN s.id AS id, s.status AS status, toString(c.created) AS created, i.id AS institution, tp.id AS period`,
    )) as Array<{ id: string; status: string; created: string; institution: string | null; period: string | null }>;
    const institutions = (await db.read("MATCH (i:Institution) RETURN i.id AS id, i.name AS name, i.kind AS kind")) as Array<{
      id: string;
      name: string;
      kind: string;
    }>;
    const periods = (await db.read(
      `MATCH (tp:TeachingPeriod) OPTIONAL MATCH (i:Institution)-[:HAS_PERIOD]->(tp)
       RETURN tp.id AS id, tp.name AS name, tp.academicYear AS year, toString(tp.startDate) AS start, i.name AS institution`,
    )) as Array<{ id: string; name: string; year: string; start: string; institution: string }>;
    const matches = sprints.filter((s) => s.status !== "CANCELLED" && inWindow(day(s.created), from, to));
    const count = (pred: (s: (typeof matches)[number]) => boolean) => new Set(matches.filter(pred).map((s) => s.id)).size;
    const kindOf = (id: string | null) => institutions.find((i) => i.id === id)?.kind;
    const expected = {
      total: new Set(matches.map((s) => s.id)).size,
      byInstitution: institutions
        .map((i) => ({
          institutionId: i.id,
          institutionName: i.name,
          level: i.kind,
          matches: count((s) => s.institution === i.id),
        }))
        .sort((a, b) => b.matches - a.matches || a.institutionName.localeCompare(b.institutionName)),
      byLevel: ["WO", "HBO", "MBO"].map((level) => ({ level, matches: count((s) => kindOf(s.institution) === level) })),
      byTeachingPeriod: periods
        .map((p) => ({
          periodId: p.id,
          periodName: p.name,
          academicYear: p.year,
          startDate: p.start,
          institutionName: p.institution,
          matches: count((s) => s.period === p.id),
        }))
        .filter((p) => p.matches > 0)
        .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.institutionName.localeCompare(b.institutionName)),
    };
    expect(result.data?.matchFigures).toEqual(expected);
  });

  it("by hand: the cancelled sprint of F is no match; 4 matches, 3 at the Hogeschool", async () => {
    const result = await server.graphql<{
      matchFigures: {
        total: number;
        byLevel: Array<{ level: string; matches: number }>;
        byInstitution: Array<{ institutionId: string; matches: number }>;
      };
    }>(query);
    expect(result.data?.matchFigures.total).toBe(4);
    expect(result.data?.matchFigures.byLevel).toEqual([
      { level: "WO", matches: 1 },
      { level: "HBO", matches: 3 },
      { level: "MBO", matches: 0 },
    ]);
    expect(result.data?.matchFigures.byInstitution.map((i) => [i.institutionId, i.matches])).toEqual([
      ["iH", 3],
      ["iW", 1],
      ["iX", 0],
      ["iM", 0],
    ]);
  });
});

describe("F5 partnerYield", () => {
  const query = `query F($from: String, $to: String) {
    partnerYield(from: $from, to: $to) { partnerId partnerName kind referredSmes cases matched completed matchRate completionRate }
  }`;

  it.each([
    [undefined, undefined],
    ["2025-01-01", "2025-03-31"],
  ])("matches the recomputation for window %s – %s", async (from, to) => {
    const result = await server.graphql<{ partnerYield: Array<Record<string, unknown>> }>(query, { from, to });
    expect(result.errors).toBeUndefined();
    // The documented rule (docs/figures.md F5): a partner is credited with the cases it referred in the window.
    const referrals = (await db.read(
      "MATCH (p:Partner)-[r:REFERRED]->(c:Case) RETURN p.id AS partner, c.id AS case, toString(r.date) AS date",
    )) as Array<{ partner: string; case: string; date: string }>;
    const asked = (await db.read("MATCH (s:Sme)-[:ASKED]->(c:Case) RETURN s.id AS sme, c.id AS case")) as Array<{
      sme: string;
      case: string;
    }>;
    const partners = (await db.read("MATCH (p:Partner) RETURN p.id AS id, p.name AS name, p.kind AS kind")) as Array<{
      id: string;
      name: string;
      kind: string;
    }>;
    const raw = await rawCases();
    const expected = partners
      .map((p) => {
        const referred = new Set(referrals.filter((r) => r.partner === p.id && inWindow(r.date, from, to)).map((r) => r.case));
        const theirCases = raw.filter((c) => referred.has(c.id));
        const smes = new Set(asked.filter((a) => referred.has(a.case)).map((a) => a.sme));
        const matched = theirCases.filter((c) => furthest(c) >= 3).length;
        const completed = theirCases.filter((c) => furthest(c) >= 5).length;
        return {
          partnerId: p.id,
          partnerName: p.name,
          kind: p.kind,
          referredSmes: smes.size,
          cases: theirCases.length,
          matched,
          completed,
          matchRate: theirCases.length ? matched / theirCases.length : null,
          completionRate: theirCases.length ? completed / theirCases.length : null,
        };
      })
      .sort((a, b) => b.referredSmes - a.referredSmes || b.cases - a.cases || a.partnerName.localeCompare(b.partnerName));
    expect(result.data?.partnerYield).toEqual(expected);
  });

  it("by hand: the bank referred A, B, C, E (SMEs s1, s2, s4); matched A, B, E; completed A, E — not H, which s2 brought through the KvK", async () => {
    const result = await server.graphql<{
      partnerYield: Array<{ partnerId: string; referredSmes: number; cases: number; matched: number; completed: number }>;
    }>(query);
    expect(result.data?.partnerYield[0]).toMatchObject({
      partnerId: "bank",
      referredSmes: 3,
      cases: 4,
      matched: 3,
      completed: 2,
    });
    expect(result.data?.partnerYield.find((p) => p.partnerId === "kvk")).toMatchObject({ referredSmes: 2, cases: 3 });
    expect(result.data?.partnerYield.find((p) => p.partnerId === "net")).toMatchObject({
      referredSmes: 0,
      cases: 0,
      matched: 0,
      completed: 0,
    });
  });
});

describe("F6 teacherResponseRates", () => {
  const query = `query F($from: String, $to: String, $asOf: String) {
    teacherResponseRates(from: $from, to: $to, asOf: $asOf) { teacherId teacherName sent answered interested notNow declined expired open responseRate interestRate }
  }`;

  it.each([
    [undefined, undefined],
    ["2025-02-01", "2025-04-30"],
  ])("matches the recomputation for window %s – %s", async (from, to) => {
    const asOf = "2025-06-01T00:00:00Z";
    const result = await server.graphql<{ teacherResponseRates: Array<Record<string, unknown>> }>(query, { from, to, asOf });
    expect(result.errors).toBeUndefined();
    const proposals = (await db.read(
      "MATCH (t:Person)<-[:TO_TEACHER]-(p:Proposal) RETURN t.id AS id, t.name AS name, toString(p.sentAt) AS sentAt, p.answer AS answer, toString(p.expiresAt) AS expiresAt",
    )) as Array<{ id: string; name: string; sentAt: string; answer: string | null; expiresAt: string }>;
    const inRange = proposals.filter((p) => inWindow(day(p.sentAt), from, to));
    const expected = [...new Set(inRange.map((p) => p.id))]
      .map((id) => {
        const mine = inRange.filter((p) => p.id === id);
        const sent = mine.length;
        const answered = mine.filter((p) => p.answer !== null).length;
        const expired = mine.filter((p) => p.answer === null && ms(p.expiresAt) < ms(asOf)).length;
        const interested = mine.filter((p) => p.answer === "INTERESTED").length;
        return {
          teacherId: id,
          teacherName: mine[0]!.name,
          sent,
          answered,
          interested,
          notNow: mine.filter((p) => p.answer === "NOT_NOW").length,
          declined: mine.filter((p) => p.answer === "DECLINED").length,
          expired,
          open: sent - answered - expired,
          responseRate: answered / sent,
          interestRate: interested / sent,
        };
      })
      .sort((a, b) => b.sent - a.sent || a.teacherName.localeCompare(b.teacherName));
    expect(result.data?.teacherResponseRates).toEqual(expected);
  });

  it("by hand: Anna was sent 4, answered 2 (1 interested), 1 expired, 1 open; Dirk, never sent one, is not listed", async () => {
    const result = await server.graphql<{ teacherResponseRates: Array<Record<string, unknown>> }>(query, {
      asOf: "2025-06-01T00:00:00Z",
    });
    expect(result.data?.teacherResponseRates[0]).toEqual({
      teacherId: "t1",
      teacherName: "Anna",
      sent: 4,
      answered: 2,
      interested: 1,
      notNow: 0,
      declined: 1,
      expired: 1,
      open: 1,
      responseRate: 0.5,
      interestRate: 0.25,
    });
    expect(result.data?.teacherResponseRates.map((t) => t.teacherId)).toEqual(["t1", "t2", "t3"]);
  });

  it("refuses a malformed asOf", async () => {
    const result = await server.graphql(query, { asOf: "yesterday" });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "asOf" });
  });
});

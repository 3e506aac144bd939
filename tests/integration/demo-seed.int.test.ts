import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Row } from "../../server/platform/neo4j/database.js";
import { buildDemoData } from "../../seed/demo/build-demo-data.js";
import { PersonFactory } from "../../seed/demo/PersonFactory.js";
import { DEAN_AND_BOARD, PROGRAMMES, WARM_STRENGTH } from "../../seed/demo/programmes.js";
import { DEMO_TODAY } from "../../seed/demo/shift-date.js";
import { domainLabels, graphIsEmpty, loadDemoData, type LoadDemoResult } from "../../seed/load-demo.js";
import { connectTestDatabase, resetGraph } from "../helpers/neo4j.js";

let db: Database;
let firstLoad: LoadDemoResult;

const num = (row: Row | undefined, key: string): number => Number(row?.[key]);
const one = async (cypher: string, params: Record<string, unknown> = {}): Promise<Row> =>
  (await db.read(cypher, params))[0] ?? {};

/** Nodes per label, relationships per type and the number of properties: equal fingerprints, equal graphs as far as counts go. */
async function fingerprint(): Promise<Record<string, number>> {
  const nodes = await db.read(
    "MATCH (n) WHERE NOT n:TestRunMarker UNWIND labels(n) AS label RETURN label, count(*) AS count, sum(size(keys(n))) AS props",
  );
  const rels = await db.read("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count, sum(size(keys(r))) AS props");
  return Object.fromEntries([
    ...nodes.flatMap((r) => [
      [`:${String(r.label)}`, num(r, "count")],
      [`:${String(r.label)} props`, num(r, "props")],
    ]),
    ...rels.flatMap((r) => [
      [`[${String(r.type)}]`, num(r, "count")],
      [`[${String(r.type)}] props`, num(r, "props")],
    ]),
  ]);
}

/** Warm ties (strength >= 0.5) as an adjacency list, read from the graph. */
async function warmNeighbours(): Promise<Map<string, string[]>> {
  const rows = await db.read("MATCH (a:Person)-[k:KNOWS]->(b:Person) WHERE k.strength >= $warm RETURN a.id AS a, b.id AS b", {
    warm: WARM_STRENGTH,
  });
  const adjacency = new Map<string, string[]>();
  for (const { a, b } of rows as Array<{ a: string; b: string }>) {
    adjacency.set(a, [...(adjacency.get(a) ?? []), b]);
    adjacency.set(b, [...(adjacency.get(b) ?? []), a]);
  }
  return adjacency;
}

/** Everyone reachable from the coordinators over warm ties, never passing through `blocked`. */
function warmReach(adjacency: Map<string, string[]>, from: string[], blocked: Set<string>): Set<string> {
  const seen = new Set(from);
  const queue = [...from];
  while (queue.length > 0) {
    const next = queue.shift() as string;
    for (const n of adjacency.get(next) ?? []) {
      if (!seen.has(n) && !blocked.has(n)) {
        seen.add(n);
        queue.push(n);
      }
    }
  }
  return seen;
}

async function coordinatorIds(): Promise<string[]> {
  const rows = await db.read(
    "MATCH (p:Person)-[:COORDINATOR_OF]->(:Workspace {id: 'ws-amsterdam'}) RETURN p.id AS id ORDER BY id",
  );
  return rows.map((r) => String(r.id));
}

async function programmePeople(programmeId: string): Promise<string[]> {
  const rows = await db.read(
    `MATCH (prog:Programme {id: $id})
     CALL (prog) {
       MATCH (p:Person)-[:TEACHES]->(:Course)-[:PART_OF]->(prog) RETURN p
       UNION
       MATCH (p:Person)-[:COORDINATES|DIRECTS]->(prog) RETURN p
     }
     RETURN collect(DISTINCT p.id) AS ids`,
    { id: programmeId },
  );
  return (rows[0]?.ids as string[]) ?? [];
}

beforeAll(async () => {
  db = await connectTestDatabase();
  await resetGraph(db);
  firstLoad = await loadDemoData(db);
  process.stderr.write(
    `[demo seed] first load: ${firstLoad.nodes} nodes, ${firstLoad.relationships} relationships in ${firstLoad.ms} ms\n`,
  );
});

afterAll(async () => {
  await db?.close();
});

describe("the demo data set", () => {
  it("is built the same way every time", () => {
    const a = buildDemoData();
    const b = buildDemoData();
    expect(JSON.stringify([a.nodeBatches(), a.relBatches()])).toBe(JSON.stringify([b.nodeBatches(), b.relBatches()]));
  });

  it("counts what it wrote", async () => {
    const nodes = await one("MATCH (n) WHERE NOT n:TestRunMarker RETURN count(n) AS n");
    const rels = await one("MATCH ()-[r]->() RETURN count(r) AS n");
    expect(firstLoad.nodes).toBe(num(nodes, "n"));
    expect(firstLoad.relationships).toBe(num(rels, "n"));
    expect(await graphIsEmpty(db)).toBe(false);
  });

  it("has WO, HBO and MBO institutions, each with dated teaching periods for 2025-26 and 2026-27", async () => {
    const kinds = await db.read("MATCH (i:Institution) RETURN i.kind AS kind, count(*) AS n ORDER BY kind");
    expect(kinds.map((r) => [r.kind, num(r, "n")])).toEqual([
      ["HBO", 3],
      ["MBO", 2],
      ["WO", 2],
    ]);
    const periods = await db.read(
      `MATCH (i:Institution)-[:HAS_PERIOD]->(p:TeachingPeriod)
       RETURN i.id AS inst, i.kind AS kind, p.academicYear AS year, count(p) AS n,
              min(duration.inDays(p.startDate, p.endDate).days) AS shortest,
              max(duration.inDays(p.startDate, p.endDate).days) AS longest,
              min(p.startDate) AS first, max(p.endDate) AS last`,
    );
    expect(periods).toHaveLength(7 * 2);
    for (const p of periods) {
      const start = Number(String(p.year).slice(0, 4));
      expect(String(p.first) >= `${start}-08-25` && String(p.last) <= `${start + 1}-07-31`, `${p.inst} ${p.year}`).toBe(true);
      if (num(p, "n") === 4) {
        // Four periods or blokken of roughly 8–10 teaching weeks (period 2 also holds the two-week Christmas break).
        expect(num(p, "shortest")).toBeGreaterThanOrEqual(7 * 8 - 3);
        expect(num(p, "longest")).toBeLessThanOrEqual(7 * 12);
      } else {
        expect(p.kind).toBe("MBO");
        expect(num(p, "n")).toBe(2);
        expect(num(p, "shortest")).toBeGreaterThanOrEqual(7 * 18);
      }
    }
    const overlapping = await one(
      `MATCH (i:Institution)-[:HAS_PERIOD]->(a:TeachingPeriod), (i)-[:HAS_PERIOD]->(b:TeachingPeriod)
       WHERE a.id < b.id AND a.startDate <= b.endDate AND b.startDate <= a.endDate RETURN count(*) AS n`,
    );
    expect(num(overlapping, "n")).toBe(0);
    const foreign = await one(
      `MATCH (c:Course)-[:PART_OF]->(:Programme)-[:OFFERED_BY]->(i:Institution), (c)-[:RUNS_IN]->(p:TeachingPeriod)
       WHERE NOT (i)-[:HAS_PERIOD]->(p) RETURN count(*) AS n`,
    );
    expect(num(foreign, "n")).toBe(0);
  });

  it("has at least 20 programmes, 80 courses of every kind and theme, and 120 teachers", async () => {
    const programmes = await one(
      "RETURN count { (:Programme) } AS n, count { MATCH (p:Programme) WHERE count { (p)-[:OFFERED_BY]->(:Institution) } <> 1 } AS orphans",
    );
    expect(num(programmes, "n")).toBeGreaterThanOrEqual(20);
    expect(num(programmes, "orphans")).toBe(0);
    const courses = await one(
      `MATCH (c:Course)
       RETURN count(c) AS n, collect(DISTINCT c.kind) AS kinds, min(c.studyYear) AS minYear, max(c.studyYear) AS maxYear,
              reduce(all = [], t IN collect(c.themes) | all + t) AS themes`,
    );
    const incomplete = await one(
      "RETURN count { MATCH (c:Course) WHERE count { (c)-[:PART_OF]->(:Programme) } <> 1 OR NOT (c)-[:RUNS_IN]->() OR NOT ()-[:TEACHES]->(c) } AS n",
    );
    expect(num(incomplete, "n")).toBe(0);
    expect(num(courses, "n")).toBeGreaterThanOrEqual(80);
    expect([...(courses.kinds as string[])].sort()).toEqual(["COURSE", "GRADUATION", "INTERNSHIP", "MINOR", "PROJECT"]);
    expect(num(courses, "minYear")).toBe(1);
    expect(num(courses, "maxYear")).toBe(4);
    const themes = new Set(courses.themes as string[]);
    for (const theme of [
      "web shop",
      "e-commerce",
      "data",
      "dashboards",
      "automation",
      "bookkeeping",
      "social media",
      "marketing",
      "cybersecurity",
      "app development",
      "AI",
      "UX",
      "privacy",
    ]) {
      expect(themes.has(theme), theme).toBe(true);
    }
    const teachers = await one("MATCH (t:Person)-[:TEACHES]->(:Course) RETURN count(DISTINCT t) AS n");
    expect(num(teachers, "n")).toBeGreaterThanOrEqual(120);
  });

  it("gives every institution a dean, board members, and a coordinator and director for each programme", async () => {
    const rows = await db.read(
      `MATCH (i:Institution)
       RETURN i.id AS id,
              count { (:Person)-[:DEAN_OF]->(i) } AS deans,
              count { (:Person)-[:BOARD_MEMBER_OF]->(i) } AS board,
              count { MATCH (p:Programme)-[:OFFERED_BY]->(i) WHERE NOT (:Person)-[:COORDINATES]->(p) OR NOT (:Person)-[:DIRECTS]->(p) } AS uncovered,
              count { (:Programme)-[:OFFERED_BY]->(i) } AS programmes`,
    );
    expect(rows).toHaveLength(7);
    for (const r of rows) {
      expect(num(r, "deans"), String(r.id)).toBeGreaterThanOrEqual(1);
      expect(num(r, "board"), String(r.id)).toBeGreaterThanOrEqual(1);
      expect(num(r, "programmes"), String(r.id)).toBeGreaterThanOrEqual(1);
      expect(num(r, "uncovered"), String(r.id)).toBe(0);
    }
  });

  it("has one workspace with exactly three coordinators", async () => {
    const ws = await one(
      "MATCH (w:Workspace) RETURN count(w) AS n, collect(w.id)[0] AS id, collect(w.name)[0] AS name, count { (:Person)-[:COORDINATOR_OF]->(:Workspace) } AS coordinators",
    );
    expect(ws).toMatchObject({ id: "ws-amsterdam", name: "Digitale Werkplaats MKB Amsterdam" });
    expect(num(ws, "n")).toBe(1);
    expect(num(ws, "coordinators")).toBe(3);
  });

  it("has 60 SMEs with unique 8-digit KvK numbers, a contact each, their cases referred mostly by the bank", async () => {
    const smes = await one(
      `RETURN count { (:Sme) } AS n, count { MATCH (s:Sme) RETURN DISTINCT s.kvkNumber } AS kvks,
              count { MATCH (s:Sme) WHERE NOT s.kvkNumber =~ '[0-9]{8}' } AS malformed,
              count { MATCH (s:Sme) WHERE s.sector IS NULL OR s.size IS NULL OR s.city IS NULL } AS incomplete,
              count { MATCH (s:Sme) WHERE NOT (:Person)-[:CONTACT_FOR]->(s) OR (:Partner)-[:REFERRED]->(s) } AS unlinked,
              count { MATCH (c:Case) WHERE count { (:Partner)-[:REFERRED]->(c) } <> 1 } AS unreferred`,
    );
    // A referral belongs to the case (#12): one per case, none on an SME.
    expect(smes).toMatchObject({ n: 60, kvks: 60, malformed: 0, incomplete: 0, unlinked: 0, unreferred: 0 });
    const partners = await db.read(
      "MATCH (p:Partner)-[:REFERRED]->(c:Case) RETURN p.kind AS kind, count(c) AS n ORDER BY n DESC",
    );
    expect(partners[0]?.kind).toBe("BANK");
    expect(num(partners[0], "n")).toBeGreaterThan(30);
    expect(new Set(partners.map((p) => p.kind))).toEqual(new Set(["BANK", "CHAMBER_OF_COMMERCE", "EVENT", "NETWORK", "OTHER"]));
    const bankers = await one("MATCH (p:Person)-[:WORKS_AT]->(:Partner {kind: 'BANK'}) RETURN count(p) AS n");
    expect(num(bankers, "n")).toBeGreaterThanOrEqual(2);
    const people = await one(
      `RETURN count { (:Person) } AS n,
              count { MATCH (p:Person) WHERE NOT p.email =~ '[^@ ]+@([a-z0-9-]+\\.)*example(\\.[a-z]+)?' } AS realMail,
              count { MATCH (p:Person) WHERE NOT p.phone STARTS WITH '+31 6 0000 ' } AS realPhone,
              count { MATCH (p:Person) RETURN DISTINCT p.name } AS names`,
    );
    expect(num(people, "realMail")).toBe(0);
    expect(num(people, "realPhone")).toBe(0);
    expect(num(people, "names")).toBe(num(people, "n"));
  });

  it("has 80 cases over the whole lifecycle, more than 40 matched to sprints consistent with their status", async () => {
    const statuses = await db.read("MATCH (c:Case) RETURN c.status AS status, count(*) AS n");
    const byStatus: Record<string, number> = Object.fromEntries(statuses.map((r) => [String(r.status), num(r, "n")]));
    expect(Object.values(byStatus).reduce((a, b) => a + b, 0)).toBe(80);
    for (const s of ["INTAKE", "QUALIFIED", "PROPOSED", "MATCHED", "IN_SPRINT", "COMPLETED", "CLOSED"])
      expect(byStatus[s], s).toBeGreaterThan(0);

    const links = await one(
      `RETURN
         count { MATCH (c:Case) WHERE count { (:Sme)-[:ASKED]->(c) } <> 1 } AS withoutSme,
         count { MATCH (c:Case) WHERE NOT (c)-[:HANDLED_BY]->(:Person)-[:COORDINATOR_OF]->(:Workspace) } AS unhandled,
         count { MATCH (c:Case) WHERE size(c.topics) = 0 OR size(c.wantedLevels) = 0 OR c.effort IS NULL OR c.earliestStart IS NULL OR c.deadline IS NULL } AS incomplete`,
    );
    expect(links).toMatchObject({ withoutSme: 0, unhandled: 0, incomplete: 0 });

    const sprints = await db.read(
      `MATCH (s:Sprint)-[:FOR_CASE]->(c:Case)
       OPTIONAL MATCH (s)-[:IN_COURSE]->(course:Course)
       OPTIONAL MATCH (s)-[:IN_PERIOD]->(p:TeachingPeriod)
       OPTIONAL MATCH (s)-[:SUPERVISED_BY]->(t:Person)
       RETURN c.status AS caseStatus, s.status AS status, s.outcome AS outcome, s.smeRating AS rating, s.smeFeedback AS feedback,
              EXISTS { (course)-[:RUNS_IN]->(p) } AS runsThen, EXISTS { (t)-[:TEACHES]->(course) } AS teaches,
              s.startDate = p.startDate AND s.endDate = p.endDate AS dated, p.startDate <= date($today) AS started,
              p.endDate < date($today) AS ended`,
      { today: DEMO_TODAY },
    );
    expect(new Set(sprints.map((s) => s.caseStatus))).toEqual(new Set(["MATCHED", "IN_SPRINT", "COMPLETED"]));
    expect(sprints.length).toBeGreaterThan(40);
    expect(sprints.length).toBe((byStatus.MATCHED ?? 0) + (byStatus.IN_SPRINT ?? 0) + (byStatus.COMPLETED ?? 0));
    const expected: Record<string, { status: string; started: boolean; ended: boolean }> = {
      MATCHED: { status: "PLANNED", started: false, ended: false },
      IN_SPRINT: { status: "RUNNING", started: true, ended: false },
      COMPLETED: { status: "COMPLETED", started: true, ended: true },
    };
    for (const s of sprints) {
      expect(s).toMatchObject({ ...expected[String(s.caseStatus)], runsThen: true, teaches: true, dated: true });
      if (s.status === "COMPLETED") {
        expect(String(s.outcome).length).toBeGreaterThan(10);
        expect(String(s.feedback).length).toBeGreaterThan(10);
        expect(num(s, "rating")).toBeGreaterThanOrEqual(1);
        expect(num(s, "rating")).toBeLessThanOrEqual(5);
      } else {
        expect(s.rating).toBeNull();
      }
    }
  });

  it("gives every case a timeline of status changes in order, ending in its status", async () => {
    const rows = await db.read(
      `MATCH (c:Case)-[:HAD_EVENT]->(e:CaseEvent)
       OPTIONAL MATCH (s:Sprint)-[:FOR_CASE]->(c)
       WITH c, s, e ORDER BY e.at
       RETURN c.id AS id, c.status AS status, toString(c.created) AS created, toString(s.startDate) AS sprintStart,
              collect({from: e.from, to: e.to, at: toString(e.at), by: e.by, reason: e.reason}) AS events`,
    );
    expect(rows).toHaveLength(80);
    const coordinators = new Set(await coordinatorIds());
    for (const row of rows) {
      const events = row.events as Array<{ from: string | null; to: string; at: string; by: string; reason: string | null }>;
      expect(events[0], String(row.id)).toMatchObject({ from: null, to: "INTAKE", at: row.created });
      events.forEach((e, i) => {
        expect(coordinators.has(e.by)).toBe(true);
        if (i > 0) {
          expect(e.from, `${row.id} event ${i}`).toBe(events[i - 1]?.to);
          expect(e.at > (events[i - 1]?.at ?? ""), `${row.id} event ${i}`).toBe(true);
        }
      });
      const last = events.at(-1);
      expect(last?.to, String(row.id)).toBe(row.status);
      expect(last && last.at.slice(0, 10) <= DEMO_TODAY).toBe(true);
      if (row.status === "CLOSED") expect(String(last?.reason).length).toBeGreaterThan(5);
      const inSprint = events.find((e) => e.to === "IN_SPRINT");
      if (inSprint) expect(inSprint.at.slice(0, 10)).toBe(row.sprintStart);
    }
  });

  it("has proposals for every case that reached PROPOSED, expiring 14 days after they were sent", async () => {
    const missing = await one(
      `MATCH (c:Case) WHERE (c)-[:HAD_EVENT]->(:CaseEvent {to: 'PROPOSED'}) AND NOT (:Proposal)-[:OF_CASE]->(c) RETURN count(c) AS n`,
    );
    expect(num(missing, "n")).toBe(0);
    const early = await one(
      `MATCH (c:Case) WHERE NOT (c)-[:HAD_EVENT]->(:CaseEvent {to: 'PROPOSED'}) AND (:Proposal)-[:OF_CASE]->(c) RETURN count(c) AS n`,
    );
    expect(num(early, "n")).toBe(0);
    const proposals = await one(
      `MATCH (p:Proposal)-[:OF_CASE]->(c:Case)
       MATCH (p)-[:TO_TEACHER]->(t:Person), (p)-[:FOR_COURSE]->(course:Course)
       RETURN count(p) AS n,
              sum(CASE WHEN p.expiresAt = p.sentAt + duration({days: 14}) THEN 0 ELSE 1 END) AS badExpiry,
              sum(CASE WHEN (t)-[:TEACHES]->(course) THEN 0 ELSE 1 END) AS notTheirCourse,
              sum(CASE WHEN (p.answer IS NULL) = (p.answeredAt IS NULL) AND (p.answeredAt IS NULL OR p.sentAt < p.answeredAt < p.expiresAt) THEN 0 ELSE 1 END) AS badAnswer,
              sum(CASE WHEN p.sentAt > c.created THEN 0 ELSE 1 END) AS beforeCase,
              count(p.answer) AS answered`,
    );
    expect(num(proposals, "n")).toBeGreaterThan(46);
    expect(proposals).toMatchObject({ badExpiry: 0, notTheirCourse: 0, badAnswer: 0, beforeCase: 0 });
    // Each sprint comes from an accepted proposal for its course.
    const unproposed = await one(
      `MATCH (s:Sprint)-[:FOR_CASE]->(c:Case), (s)-[:IN_COURSE]->(course:Course)
       WHERE NOT EXISTS { MATCH (p:Proposal {answer: 'INTERESTED'})-[:OF_CASE]->(c) WHERE (p)-[:FOR_COURSE]->(course) }
       RETURN count(s) AS n`,
    );
    expect(num(unproposed, "n")).toBe(0);
  });

  it("has agreements on about a third of the courses, a few programmes, and one institution signed by its dean or board", async () => {
    const share = await one(
      `RETURN count { (:Course) } AS courses,
              count { MATCH (c:Course)<-[:COVERS]-(:Agreement {scope: 'COURSE'}) RETURN DISTINCT c } AS covered`,
    );
    const ratio = num(share, "covered") / num(share, "courses");
    expect(ratio).toBeGreaterThan(0.28);
    expect(ratio).toBeLessThan(0.39);
    const scopes = await db.read("MATCH (a:Agreement) RETURN a.scope AS scope, count(*) AS n");
    const byScope: Record<string, number> = Object.fromEntries(scopes.map((r) => [String(r.scope), num(r, "n")]));
    expect(byScope.PROGRAMME).toBeGreaterThanOrEqual(2);
    expect(byScope.INSTITUTION).toBe(1);
    const board = await db.read(
      `MATCH (a:Agreement {scope: 'INSTITUTION'})-[:COVERS]->(i:Institution), (p:Person)-[:SIGNED]->(a)
       RETURN i.id AS inst, p.id AS signer, EXISTS { (p)-[:DEAN_OF|BOARD_MEMBER_OF]->(i) } AS leads, a.structural AS structural`,
    );
    expect(board.length).toBeGreaterThanOrEqual(1);
    for (const b of board) expect(b).toMatchObject({ inst: DEAN_AND_BOARD.institutionId, leads: true, structural: true });
    const wellFormed = await one(
      `RETURN
         count { MATCH (a:Agreement) WHERE NOT (a)-[:MADE_BY]->(:Workspace {id: 'ws-amsterdam'}) OR NOT (:Person)-[:SIGNED]->(a) OR count { (a)-[:COVERS]->() } <> 1 } AS bad,
         count { MATCH (a:Agreement) WHERE a.validTo IS NOT NULL AND a.validTo <= a.validFrom OR a.signedOn > date($today) OR size(a.assignmentTypes) = 0 } AS badDates,
         count { MATCH (a:Agreement {structural: true}) } AS structural,
         count { MATCH (a:Agreement {structural: false}) } AS oneOff`,
      { today: DEMO_TODAY },
    );
    expect(wellFormed).toMatchObject({ bad: 0, badDates: 0 });
    expect(num(wellFormed, "structural")).toBeGreaterThan(0);
    expect(num(wellFormed, "oneOff")).toBeGreaterThan(0);
    const digests = await one(
      `MATCH (t:Person)-[:TEACHES]->(:Course)<-[:COVERS]-(:Agreement {scope: 'COURSE'})
       WITH DISTINCT t RETURN count(t) AS n,
              sum(CASE WHEN t.digestEveryDays IN [7, 14] AND t.language IN ['NL', 'EN'] THEN 0 ELSE 1 END) AS without`,
    );
    expect(num(digests, "n")).toBeGreaterThan(0);
    expect(num(digests, "without")).toBe(0);
  });

  it("sets mapping statuses consistently with the agreements", async () => {
    const courses = await one(
      `MATCH (c:Course)
       WITH c, EXISTS { (c)<-[:COVERS]-(:Agreement) } AS covered
       RETURN sum(CASE WHEN covered = (c.mappingStatus = 'AGREEMENT') THEN 0 ELSE 1 END) AS inconsistent,
              collect(DISTINCT c.mappingStatus) AS statuses`,
    );
    const unfounded = await one(
      "RETURN count { MATCH (c:Course) WHERE c.mappingStatus = 'EXAMPLES_RECEIVED' AND NOT (:ExampleAssignment)-[:FOR_COURSE]->(c) } AS n",
    );
    expect(num(unfounded, "n")).toBe(0);
    expect(num(courses, "inconsistent")).toBe(0);
    expect((courses.statuses as string[]).length).toBeGreaterThanOrEqual(4);
    const programmes = await one(
      `MATCH (p:Programme)-[:OFFERED_BY]->(i:Institution)
       WITH p, EXISTS { (p)<-[:COVERS]-(:Agreement) } OR EXISTS { (i)<-[:COVERS]-(:Agreement) }
            OR EXISTS { (p)<-[:PART_OF]-(:Course)<-[:COVERS]-(:Agreement) } AS covered
       RETURN sum(CASE WHEN covered = (p.mappingStatus = 'AGREEMENT') THEN 0 ELSE 1 END) AS inconsistent,
              sum(CASE WHEN p.mappingStatus = 'NOT_APPROACHED' THEN 1 ELSE 0 END) AS untouched`,
    );
    expect(num(programmes, "inconsistent")).toBe(0);
    expect(num(programmes, "untouched")).toBeGreaterThan(0);
  });

  it("has an outreach log of coordinators' interactions, some about a programme or course, and example assignments", async () => {
    const log = await one(
      `MATCH (x:Interaction)
       WITH count(x) AS n, collect(DISTINCT x.result) AS results, toString(min(x.date)) AS first, toString(max(x.date)) AS last
       RETURN n, results, first, last,
         count { MATCH (i:Interaction) WHERE count { (c:Person)-[:INITIATED]->(i) WHERE (c)-[:COORDINATOR_OF]->(:Workspace) } <> 1 OR NOT (i)-[:WITH]->(:Person) } AS bad,
         count { MATCH (i:Interaction)-[:ABOUT]->() RETURN DISTINCT i } AS about`,
    );
    expect(num(log, "n")).toBeGreaterThan(50);
    expect(num(log, "bad")).toBe(0);
    expect(num(log, "about")).toBeGreaterThan(20);
    expect((log.results as string[]).length).toBeGreaterThanOrEqual(5);
    expect(String(log.first) >= "2025-01-01" && String(log.last) <= DEMO_TODAY).toBe(true);
    const examples = await one(
      `MATCH (e:ExampleAssignment)-[:FROM_TEACHER]->(t:Person), (e)-[:FOR_COURSE]->(c:Course)
       RETURN count(e) AS n, sum(CASE WHEN (t)-[:TEACHES]->(c) THEN 0 ELSE 1 END) AS notTheirs`,
    );
    expect(num(examples, "n")).toBeGreaterThanOrEqual(3);
    expect(num(examples, "notTheirs")).toBe(0);
  });

  it("stores dates as Neo4j temporal values, spread over 2025-01 .. 2026-11", async () => {
    const types = await one(
      `MATCH (p:TeachingPeriod) WITH valueType(p.startDate) AS period LIMIT 1
       MATCH (c:Case) WITH period, valueType(c.created) AS created, valueType(c.deadline) AS deadline LIMIT 1
       MATCH ()-[r:REFERRED]->() WITH period, created, deadline, valueType(r.date) AS referral LIMIT 1
       MATCH ()-[k:KNOWS]->() WITH period, created, deadline, referral, valueType(k.since) AS since LIMIT 1
       MATCH (e:CaseEvent) WITH period, created, deadline, referral, since, valueType(e.at) AS eventAt LIMIT 1
       MATCH (a:Agreement) WITH period, created, deadline, referral, since, eventAt, valueType(a.validFrom) AS validFrom LIMIT 1
       RETURN period, created, deadline, referral, since, eventAt, validFrom`,
    );
    expect(types).toEqual({
      period: "DATE NOT NULL",
      created: "ZONED DATETIME NOT NULL",
      deadline: "DATE NOT NULL",
      referral: "DATE NOT NULL",
      since: "DATE NOT NULL",
      eventAt: "ZONED DATETIME NOT NULL",
      validFrom: "DATE NOT NULL",
    });
    const wrong = await one(
      `RETURN count { MATCH (c:Case) WHERE NOT c.created IS :: ZONED DATETIME OR NOT c.earliestStart IS :: DATE } +
              count { MATCH (p:Proposal) WHERE NOT p.sentAt IS :: ZONED DATETIME OR NOT p.expiresAt IS :: ZONED DATETIME } +
              count { MATCH (s:Sprint) WHERE NOT s.startDate IS :: DATE } +
              count { MATCH (m:Milestone) WHERE NOT m.due IS :: DATE } +
              count { MATCH (i:Interaction) WHERE NOT i.date IS :: DATE } +
              count { MATCH (e:ExampleAssignment) WHERE NOT e.received IS :: DATE } +
              count { MATCH ()-[k:KNOWS]->() WHERE NOT k.lastContact IS :: DATE } AS n`,
    );
    expect(num(wrong, "n")).toBe(0);
    const spread = await one(
      `MATCH (x:Case)
       WITH min(x.created) AS first, max(x.created) AS last
       RETURN first < datetime('2025-03-01T00:00:00Z') AS early, last > datetime('2026-11-01T00:00:00Z') AS late,
              first >= datetime('2025-01-01T00:00:00Z') AS notBefore, last <= datetime($today + 'T23:59:59Z') AS notAfter,
              count { MATCH (c:Case) WHERE date(c.created) > date($today) - duration({years: 1}) } AS lastYear,
              count { MATCH (c:Case) WHERE date($today) - duration({years: 2}) < date(c.created) <= date($today) - duration({years: 1}) } AS yearBefore`,
      { today: DEMO_TODAY },
    );
    expect(spread).toMatchObject({ early: true, late: true, notBefore: true, notAfter: true });
    expect(num(spread, "lastYear")).toBeGreaterThan(10);
    expect(num(spread, "yearBefore")).toBeGreaterThan(10);
    const referrals = await one(
      `MATCH (:Partner)-[r:REFERRED]->(c:Case)
       RETURN min(r.date) >= date('2025-01-01') AS inRange, sum(CASE WHEN r.date <= date(c.created) THEN 0 ELSE 1 END) AS afterCase`,
    );
    expect(referrals).toMatchObject({ inRange: true, afterCase: 0 });
  });

  it("stores one KNOWS tie per pair, with a strength in (0, 1] and since <= lastContact", async () => {
    const ties = await one(
      `MATCH (:Person)-[k:KNOWS]->(:Person)
       WITH count(k) AS n, min(k.strength) AS weakest, max(k.strength) AS strongest, collect(DISTINCT k.channel) AS channels,
            sum(CASE WHEN k.since <= k.lastContact <= date($today) THEN 0 ELSE 1 END) AS badDates
       RETURN n, weakest, strongest, channels, badDates,
              count { MATCH (x:Person)-[:KNOWS]->(x) } AS selfTies,
              count { MATCH (x:Person)-[r:KNOWS]-(y:Person) WHERE elementId(x) < elementId(y) WITH x, y, count(r) AS c WHERE c > 1 RETURN x } AS doubled`,
      { today: DEMO_TODAY },
    );
    expect(num(ties, "n")).toBeGreaterThan(500);
    expect(num(ties, "weakest")).toBeGreaterThan(0);
    expect(num(ties, "strongest")).toBeLessThanOrEqual(1);
    expect(ties).toMatchObject({ badDates: 0, selfTies: 0, doubled: 0 });
    expect([...(ties.channels as string[])].sort()).toEqual(
      ["COLLEAGUE", "EVENT", "LINKEDIN", "OTHER", "SPRINT", "WARM_INTRODUCTION", "WEBSITE"].sort(),
    );
  });

  it("makes each documented single-teacher programme hang on exactly one warm route, through that teacher", async () => {
    const adjacency = await warmNeighbours();
    const coordinators = await coordinatorIds();
    const singles = PROGRAMMES.filter((p) => p.reach === "SINGLE_TEACHER");
    expect(singles.length).toBeGreaterThanOrEqual(3);
    for (const programme of singles) {
      const teacher = PersonFactory.idFor(programme.keyTeachers[0]?.name ?? "");
      const people = new Set(await programmePeople(programme.id));
      expect(people.has(teacher), programme.id).toBe(true);
      // Exactly one warm tie leaves the programme's people: the teacher's, to a coordinator.
      const crossing = await db.read(
        `MATCH (p:Person)-[k:KNOWS]-(o:Person) WHERE p.id IN $people AND NOT o.id IN $people AND k.strength >= $warm
         RETURN p.id AS inside, o.id AS outside, EXISTS { (o)-[:COORDINATOR_OF]->(:Workspace) } AS coordinator`,
        { people: [...people], warm: WARM_STRENGTH },
      );
      expect(crossing, programme.id).toEqual([{ inside: teacher, outside: expect.any(String), coordinator: true }]);
      // Every warm path from the coordinators into the programme passes the teacher: without them, nothing is reached.
      const withTeacher = warmReach(adjacency, coordinators, new Set());
      const withoutTeacher = warmReach(adjacency, coordinators, new Set([teacher]));
      expect([...people].filter((p) => withTeacher.has(p)).length, programme.id).toBeGreaterThan(1);
      expect(
        [...people].filter((p) => withoutTeacher.has(p)),
        programme.id,
      ).toEqual([]);
    }
  });

  it("reaches the several-people programmes through 2–3 independent routes, and the others not at all", async () => {
    const adjacency = await warmNeighbours();
    const coordinators = await coordinatorIds();
    for (const programme of PROGRAMMES.filter((p) => p.reach === "SEVERAL")) {
      const people = new Set(await programmePeople(programme.id));
      const reached = warmReach(adjacency, coordinators, new Set());
      const entryPoints = [...people].filter((p) => (adjacency.get(p) ?? []).some((n) => !people.has(n) && reached.has(n)));
      expect(entryPoints.length, programme.id).toBeGreaterThanOrEqual(2);
      expect(entryPoints.length, programme.id).toBeLessThanOrEqual(3);
      // No single person is indispensable: blocking any one entry point still leaves a warm way in.
      for (const blocked of entryPoints) {
        const still = warmReach(adjacency, coordinators, new Set([blocked]));
        expect(
          [...people].some((p) => still.has(p)),
          `${programme.id} without ${blocked}`,
        ).toBe(true);
      }
    }
    for (const programme of PROGRAMMES.filter((p) => p.reach === "NONE")) {
      const people = await programmePeople(programme.id);
      const reached = warmReach(adjacency, coordinators, new Set());
      expect(
        people.filter((p) => reached.has(p)),
        programme.id,
      ).toEqual([]);
    }
  });

  it("reaches the dean-and-board institution only through its dean and board member", async () => {
    const adjacency = await warmNeighbours();
    const coordinators = await coordinatorIds();
    const dean = PersonFactory.idFor(DEAN_AND_BOARD.dean.person);
    const board = PersonFactory.idFor(DEAN_AND_BOARD.board.person);
    const roles = await one(
      "MATCH (i:Institution {id: $id}) RETURN EXISTS { (:Person {id: $dean})-[:DEAN_OF]->(i) } AS dean, EXISTS { (:Person {id: $board})-[:BOARD_MEMBER_OF]->(i) } AS board",
      { id: DEAN_AND_BOARD.institutionId, dean, board },
    );
    expect(roles).toEqual({ dean: true, board: true });
    for (const leader of [dean, board]) {
      expect(
        (adjacency.get(leader) ?? []).some((n) => coordinators.includes(n)),
        leader,
      ).toBe(true);
    }
    const programmes = PROGRAMMES.filter((p) => p.institutionId === DEAN_AND_BOARD.institutionId);
    const all = warmReach(adjacency, coordinators, new Set());
    const without = warmReach(adjacency, coordinators, new Set([dean, board]));
    for (const programme of programmes) {
      const people = await programmePeople(programme.id);
      expect(
        people.some((p) => all.has(p)),
        programme.id,
      ).toBe(true);
      expect(
        people.filter((p) => without.has(p)),
        programme.id,
      ).toEqual([]);
    }
  });

  it("loads idempotently: a second load and a reset both give the same graph", async () => {
    const before = await fingerprint();
    const second = await loadDemoData(db);
    process.stderr.write(`[demo seed] second load (merge): ${second.ms} ms\n`);
    expect(await fingerprint()).toEqual(before);
    expect(second).toMatchObject({ nodes: firstLoad.nodes, relationships: firstLoad.relationships });

    // A stray domain node goes on reset; nodes outside the domain (the test marker) stay.
    await db.write("CREATE (:Sme {id: 'sme-stray', name: 'Stray', kvkNumber: '00000000'})");
    const reset = await loadDemoData(db, { reset: true });
    process.stderr.write(`[demo seed] reset and reload: ${reset.ms} ms\n`);
    expect(await fingerprint()).toEqual(before);
    const left = await one("RETURN count { (:Sme {id: 'sme-stray'}) } AS stray, count { (:TestRunMarker) } AS markers");
    expect(left).toEqual({ stray: 0, markers: 1 });
    expect(domainLabels()).toContain("Sme");
  });
});

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../server/platform/neo4j/database.js";
import { importSpreadsheets, type ImportProgress } from "../../server/domains/spreadsheets/import-spreadsheets.js";
import { connectTestDatabase, resetGraph } from "../helpers/neo4j.js";

const exampleDir = fileURLToPath(new URL("../../seed/csv-example/", import.meta.url));
let db: Database;
const tempDirs: string[] = [];

beforeAll(async () => {
  db = await connectTestDatabase();
});

beforeEach(async () => {
  await resetGraph(db);
});

afterAll(async () => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  await db?.close();
});

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "werkplaats-import-"));
  tempDirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

/**
 * Every node and relationship with its properties, ids instead of internal references: a fingerprint of the graph.
 * The tie version (server/platform/neo4j/tie-version.ts) is no data: ties.csv moves it on every import, changed or not.
 */
async function graphFingerprint(): Promise<string> {
  const nodes = await db.read(
    "MATCH (n) WHERE NOT n:TieVersion AND NOT n:CatalogueVersion RETURN labels(n) AS labels, properties(n) AS props",
  );
  const rels = await db.read("MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props");
  const sorted = (rows: unknown[]) =>
    rows
      .map((r) =>
        JSON.stringify(r, (_k, v: unknown) =>
          v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v,
        ),
      )
      .sort();
  return JSON.stringify({ nodes: sorted(nodes), rels: sorted(rels) });
}

async function ids(label: string): Promise<string[]> {
  const rows = await db.read(`MATCH (n:${label}) RETURN n.id AS id ORDER BY id`);
  return rows.map((r) => String(r.id));
}

describe("importing the example spreadsheets", () => {
  it("imports every file and reads the values as documented", async () => {
    const progress: ImportProgress[] = [];
    const report = await importSpreadsheets(db, exampleDir, { onProgress: (p) => progress.push(p) });
    expect(report.problems).toEqual([]);
    expect(report.files.map((f) => [f.file, f.rows, f.created])).toEqual([
      ["institutions.csv", 3, 3],
      ["teaching-periods.csv", 4, 4],
      ["partners.csv", 2, 2],
      ["programmes.csv", 3, 3],
      ["courses.csv", 4, 4],
      ["people.csv", 6, 6],
      ["agreements.csv", 2, 2],
      ["interactions.csv", 2, 2],
      ["ties.csv", 3, 3],
      ["smes.csv", 3, 3],
      ["cases.csv", 3, 3],
    ]);
    expect(progress.at(-1)).toEqual({ file: "cases.csv", done: 3, total: 3 });

    const facts = await db.read(`
      MATCH (:Person {id: 'person-noor'})-[k:KNOWS]-(:Person {id: 'person-tess'})
      MATCH (roc:TeachingPeriod {id: 'roc-2025-p1'})
      MATCH (sd:Programme {id: 'prog-sd'})
      MATCH (ds:Course {id: 'course-data-sprint'})
      MATCH (bank:Partner {id: 'partner-bank'})-[ref:REFERRED]->(web:Case {id: 'case-webshop'})<-[:ASKED]-(:Sme {kvkNumber: '12345678'})
      RETURN k.strength AS strength, toString(roc.startDate) AS rocStart, sd.mappingStatus AS sdStatus,
             ds.themes AS themes, ds.mappingStatus AS dsStatus, COUNT { (ds)-[:RUNS_IN]->() } AS periods,
             toString(ref.date) AS referral, web.status AS status, toString(web.created) AS created, web.wantedLevels AS levels,
             [(web)-[:HAD_EVENT]->(e) | e.to] AS events`);
    expect(facts).toEqual([
      {
        strength: 0.4,
        rocStart: "2025-09-01",
        sdStatus: "APPROACHED",
        themes: ["data", "dashboards", "automation"],
        dsStatus: "EXAMPLES_RECEIVED",
        periods: 2,
        referral: "2025-08-20",
        status: "QUALIFIED",
        created: "2025-08-21T09:30:00Z",
        levels: ["HBO", "MBO"],
        events: expect.arrayContaining(["INTAKE", "QUALIFIED"]),
      },
    ]);
    const closed = await db.read(
      "MATCH (:Case {id: 'case-social'})-[:HAD_EVENT]->(e {to: 'CLOSED'}) RETURN e.from AS from, e.reason AS reason, e.by AS by",
    );
    expect(closed).toEqual([{ from: "INTAKE", reason: "Owner withdrew", by: "import" }]);
  });

  it("changes nothing the second time, and says so", async () => {
    await importSpreadsheets(db, exampleDir);
    const before = await graphFingerprint();
    const again = await importSpreadsheets(db, exampleDir);
    expect(await graphFingerprint()).toBe(before);
    expect(again.problems).toEqual([]);
    for (const file of again.files)
      expect([file.file, file.created, file.updated, file.unchanged]).toEqual([file.file, 0, 0, file.rows]);
  });

  it("a dry run changes nothing and reports what the import would do", async () => {
    const empty = await graphFingerprint();
    const dry = await importSpreadsheets(db, exampleDir, { dryRun: true });
    expect(await graphFingerprint()).toBe(empty);
    expect(dry.dryRun).toBe(true);
    const real = await importSpreadsheets(db, exampleDir);
    expect(dry.files).toEqual(real.files);
    expect(dry.problems).toEqual(real.problems);
  });
});

/** Each broken row, and the reason, are known; the good rows around them must arrive. */
const broken = {
  "institutions.csv": [
    "id,name,kind,city",
    "i1,Hogeschool Een,HBO,Amsterdam",
    "i2,,WO,Utrecht",
    "i3,School Drie,HAVO,Delft",
    "i1,Dubbel,HBO,",
  ].join("\n"),
  "programmes.csv": [
    "id,name,level,institutionId",
    "p1,HBO-ICT,BACHELOR,i1",
    "p2,Natuurkunde,MASTER,i2",
    "p3,Retail,BACHELOR,nope",
  ].join("\n"),
  "courses.csv": [
    "id,name,kind,programmeId,studyYear,themes",
    'c1,Data Sprint,PROJECT,p1,2,"data;ai"',
    'c2,"Web',
    'Lab",PROJECT,p1,9,web',
    "c3,Apps,PROJECT,p1,1,apps,extra",
  ].join("\n"),
  // Semicolons, as Dutch Excel writes them; a list cell is then quoted.
  "people.csv": [
    "id;name;email;teaches",
    "t1;Tess;tess@example.nl;c1",
    "t2;Bram;not-an-email;c1",
    't3;Kees;;"c1;c2"',
    "t4;Noor;;",
  ].join("\r\n"),
  "ties.csv": [
    "personA,personB,strength,channel",
    "t1,t4,0.8,COLLEAGUE",
    "t1,t1,0.5,EVENT",
    "t1,t3,0.5,EVENT",
    "t4,t1,0,EVENT",
    "t4,t1,0.9,event",
  ].join("\n"),
  "smes.csv": [
    "id,name,kvkNumber,city",
    "s1,Bakkerij,12345678,Haarlem",
    "s2,Fietsen,1234567,Amsterdam",
    "s4,Drukker,,Zaandam",
  ].join("\n"),
  "cases.csv": [
    "id,title,smeId,smeKvkNumber,earliestStart,deadline,status,closeReason,wantedLevels,referringPartnerId,referralDate",
    "k1,Webshop,s1,,2025-09-01,2025-12-01,QUALIFIED,,HBO;MBO,,",
    "k2,Dashboard,,12345678,2025-09-01,2025-08-01,,,,,",
    "k3,Social,s2,,,,,,,,",
    "k4,App,s4,,,,MATCHED,,,,",
    "k5,Plan,s4,,,,CLOSED,,,,",
    "k6,Site,,12345678,,31-12-2025,,,WO,,",
    // The referral is the case's (docs/data-model.md): a date without the partner is refused.
    "k7,Folder,s4,,,,,,,,2025-08-01",
  ].join("\n"),
};

const expectedProblems: Array<[string, number, string | null, RegExp]> = [
  ["institutions.csv", 3, "name", /is required/],
  ["institutions.csv", 4, "kind", /"HAVO" is not one of WO, HBO, MBO/],
  ["institutions.csv", 5, "id", /duplicate id i1 \(first on line 2\)/],
  ["programmes.csv", 3, "institutionId", /Institution i2 was rejected in institutions.csv line 3/],
  ["programmes.csv", 4, "institutionId", /no Institution with id nope/],
  ["courses.csv", 3, "studyYear", /9 is outside \[1, 6\]/],
  ["courses.csv", 5, null, /7 fields, the header 6/],
  ["people.csv", 3, "email", /"not-an-email" is not an e-mail address/],
  ["people.csv", 4, "teaches", /Course c2 was rejected in courses.csv line 3/],
  ["ties.csv", 3, "personB", /two different people/],
  ["ties.csv", 4, "personB", /Person t3 was rejected in people.csv line 4/],
  ["ties.csv", 5, "strength", /0 is outside \(0, 1\]/],
  ["ties.csv", 6, "personB", /duplicate tie t1 & t4 \(first on line 2\)/],
  ["smes.csv", 3, "kvkNumber", /7 digits.*leading zero/],
  ["cases.csv", 3, "deadline", /2025-08-01 is before earliestStart 2025-09-01/],
  ["cases.csv", 4, "smeId", /no SME with id s2/],
  ["cases.csv", 5, "status", /MATCHED needs proposals or a sprint/],
  ["cases.csv", 6, "closeReason", /required for a new CLOSED case/],
  ["cases.csv", 8, "referringPartnerId", /required with referralDate/],
];

describe("importing spreadsheets with broken rows", () => {
  it("reports each broken row with file, line, field and why, and imports the rest", async () => {
    const dir = folder(broken);
    const report = await importSpreadsheets(db, dir);
    expect(report.problems.map((p) => [p.file, p.line, p.field])).toEqual(expectedProblems.map(([f, l, c]) => [f, l, c]));
    report.problems.forEach((p, i) => expect(p.reason, `${p.file}:${p.line}`).toMatch(expectedProblems[i]![3]));
    expect(report.files.map((f) => [f.file, f.found, f.rows, f.created, f.rejected])).toEqual([
      ["institutions.csv", true, 4, 1, 3],
      ["teaching-periods.csv", false, 0, 0, 0],
      ["partners.csv", false, 0, 0, 0],
      ["programmes.csv", true, 3, 1, 2],
      ["courses.csv", true, 3, 1, 2],
      ["people.csv", true, 4, 2, 2],
      ["agreements.csv", false, 0, 0, 0],
      ["interactions.csv", false, 0, 0, 0],
      ["ties.csv", true, 5, 1, 4],
      ["smes.csv", true, 3, 2, 1],
      ["cases.csv", true, 7, 2, 5],
    ]);

    expect(await ids("Institution")).toEqual(["i1"]);
    expect(await ids("Programme")).toEqual(["p1"]);
    expect(await ids("Course")).toEqual(["c1"]);
    expect(await ids("Person")).toEqual(["t1", "t4"]);
    expect(await ids("Sme")).toEqual(["s1", "s4"]);
    expect(await ids("Case")).toEqual(["k1", "k6"]);
    const rest = await db.read(`
      MATCH (:Person {id: 't1'})-[k:KNOWS]-(:Person {id: 't4'}) WITH collect(k.strength) AS ties
      MATCH (k6:Case {id: 'k6'})<-[:ASKED]-(s:Sme)
      RETURN ties, s.id AS sme, toString(k6.deadline) AS deadline, k6.status AS status,
             [(:Person {id: 't1'})-[:TEACHES]->(c) | c.id] AS teaches`);
    expect(rest).toEqual([{ ties: [0.8], sme: "s1", deadline: "2025-12-31", status: "INTAKE", teaches: ["c1"] }]);
  });

  it("on a dry run reports the same and imports nothing", async () => {
    const dir = folder(broken);
    const before = await graphFingerprint();
    const dry = await importSpreadsheets(db, dir, { dryRun: true });
    expect(await graphFingerprint()).toBe(before);
    expect(await ids("Institution")).toEqual([]);
    expect(dry.problems.map((p) => [p.file, p.line, p.field])).toEqual(expectedProblems.map(([f, l, c]) => [f, l, c]));
  });

  it("refuses a file without a required column as a whole", async () => {
    const report = await importSpreadsheets(db, folder({ "institutions.csv": "id,name,colour\ni1,A,blue\ni2,B,red\n" }));
    expect(report.problems).toEqual([
      {
        file: "institutions.csv",
        line: 1,
        field: "kind",
        code: "MISSING_COLUMN",
        reason: expect.stringMatching(/required column "kind" is missing/),
        detail: { key: "MISSING_COLUMN", values: { column: "kind" } },
      },
    ]);
    expect(report.files[0]).toMatchObject({ rows: 2, created: 0, rejected: 1, ignoredColumns: ["colour"] });
    expect(await ids("Institution")).toEqual([]);
  });
});

describe("importing into a graph that already holds data", () => {
  beforeEach(async () => {
    await db.write(`
      CREATE (i:Institution {id: 'i1', name: 'Hogeschool', kind: 'HBO'}), (:Institution {id: 'i2', name: 'Universiteit', kind: 'WO'}),
        (p:Programme {id: 'p1', name: 'HBO-ICT', level: 'BACHELOR', mappingStatus: 'EXAMPLES_RECEIVED'})-[:OFFERED_BY]->(i),
        (s:Sme {id: 'sme-db', name: 'Bakkerij', kvkNumber: '12345678', city: 'Haarlem'}),
        (:Sme {id: 'sme-city', name: 'Fietsenmaker Yilmaz', city: 'Amsterdam'}),
        (s)-[:ASKED]->(:Case {id: 'k1', title: 'Dashboard', status: 'MATCHED', created: datetime('2025-01-01T00:00:00Z'), topics: [], wantedLevels: []})`);
  });

  it("merges SMEs by KvK number (then by name and city), and links cases to the SME found", async () => {
    const dir = folder({
      "smes.csv":
        "id,name,kvkNumber,city,sector\nsheet-1,Bakkerij De Korenbloem,12345678,Haarlem,Food\nsheet-2,fietsenmaker yilmaz,,AMSTERDAM,Retail\n",
      "cases.csv": "id,title,smeId,smeKvkNumber\nk2,Web shop,sheet-1,\nk3,Bike app,sheet-2,\nk4,Stock,,12345678\n",
    });
    const report = await importSpreadsheets(db, dir);
    expect(report.problems).toEqual([]);
    expect(await ids("Sme")).toEqual(["sme-city", "sme-db"]);
    const links = await db.read(
      "MATCH (s:Sme)-[:ASKED]->(c:Case) RETURN c.id AS c, s.id AS s, s.name AS name, s.sector AS sector ORDER BY c",
    );
    expect(links).toEqual([
      { c: "k1", s: "sme-db", name: "Bakkerij De Korenbloem", sector: "Food" },
      { c: "k2", s: "sme-db", name: "Bakkerij De Korenbloem", sector: "Food" },
      { c: "k3", s: "sme-city", name: "fietsenmaker yilmaz", sector: "Retail" },
      { c: "k4", s: "sme-db", name: "Bakkerij De Korenbloem", sector: "Food" },
    ]);
  });

  it("never lowers a mapping status, does not apply a status to an existing case, and does not move nodes", async () => {
    const dir = folder({
      "programmes.csv": "id,name,level,institutionId,mappingStatus\np1,HBO-ICT,BACHELOR,i1,APPROACHED\n",
      "cases.csv": "id,title,smeId,status\nk1,Dashboard 2,sme-db,INTAKE\n",
    });
    const report = await importSpreadsheets(db, dir);
    expect(report.problems).toEqual([]);
    const rows = await db.read(
      "MATCH (p:Programme {id: 'p1'}), (c:Case {id: 'k1'}) RETURN p.mappingStatus AS mapping, c.status AS status, c.title AS title, COUNT { (c)-[:HAD_EVENT]->() } AS events",
    );
    expect(rows).toEqual([{ mapping: "EXAMPLES_RECEIVED", status: "MATCHED", title: "Dashboard 2", events: 0 }]);

    const moves = await importSpreadsheets(
      db,
      folder({
        "programmes.csv": "id,name,level,institutionId\np1,HBO-ICT,BACHELOR,i2\n",
        "smes.csv": "id,name,kvkNumber\nsme-city,Fietsen,87654321\nsme-new,Bakkerij,12345678\n",
        "cases.csv": "id,title,smeId\nk1,Dashboard,sme-city\n",
      }),
    );
    expect(moves.problems.map((p) => [p.file, p.line, p.field, p.reason])).toEqual([
      ["programmes.csv", 2, "institutionId", "programme p1 is offered by institution i1; the import does not move it"],
      ["cases.csv", 2, "smeId", "case k1 was asked by SME sme-db; the import does not move it"],
    ]);
    // sme-city had no KvK number: it gets one. sme-new's KvK number belongs to sme-db: merged there.
    const smes = await db.read("MATCH (s:Sme) RETURN s.id AS id, s.kvkNumber AS kvk ORDER BY id");
    expect(smes).toEqual([
      { id: "sme-city", kvk: "87654321" },
      { id: "sme-db", kvk: "12345678" },
    ]);
  });
});

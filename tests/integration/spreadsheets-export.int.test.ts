import { spawn } from "node:child_process";
import { refreshSuggestionCounts } from "../../server/domains/suggestions/count-case-suggestions.js";
import { nowIso } from "../../server/platform/clock/read-clock.js";
import { loadStarterVocabulary, migrateTopics } from "../../server/domains/vocabulary/index.js";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import type { Database } from "../../server/platform/neo4j/database.js";
import { caseExportColumns } from "../../server/domains/spreadsheets/export-cases-csv.js";
import { contactExportColumns } from "../../server/domains/spreadsheets/export-contacts-csv.js";
import { importSpreadsheets } from "../../server/domains/spreadsheets/import-spreadsheets.js";
import { connectTestDatabase, resetGraph } from "../helpers/neo4j.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

const projectRoot = fileURLToPath(new URL("../../", import.meta.url));
let db: Database;
let server: TestServer;
const tempDirs: string[] = [];

beforeAll(async () => {
  db = await connectTestDatabase();
  server = await startTestServer(db);
});

beforeEach(async () => {
  await resetGraph(db);
  await buildGraph();
});

afterAll(async () => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  await server?.http.close();
  await db?.close();
});

/**
 * kA matched into Data Sprint (HvA, Blok 1) after a cancelled attempt; kB closed with a reason;
 * kC at intake. Tess teaches, Bram coordinates the programme and is dean, Sanne works at the bank,
 * Ahmed is the SME's contact.
 */
async function buildGraph(): Promise<void> {
  await db.write(`
    CREATE (i:Institution {id: 'i1', name: 'Hogeschool van Amsterdam', kind: 'HBO'}),
      (p:Programme {id: 'p1', name: 'HBO-ICT', level: 'BACHELOR', mappingStatus: 'AGREEMENT'})-[:OFFERED_BY]->(i),
      (c:Course {id: 'c1', name: 'Data Sprint', kind: 'PROJECT', themes: ['data'], mappingStatus: 'AGREEMENT'})-[:PART_OF]->(p),
      (c2:Course {id: 'c2', name: 'Web Lab', kind: 'PROJECT', themes: ['web'], mappingStatus: 'NOT_APPROACHED'})-[:PART_OF]->(p),
      (i)-[:HAS_PERIOD]->(tp:TeachingPeriod {id: 'tp1', name: 'Blok 1', academicYear: '2025-2026', startDate: date('2025-09-01'), endDate: date('2025-11-07')}),
      (bank:Partner {id: 'bank', name: 'De Regiobank', kind: 'BANK'}),
      (s:Sme {id: 's1', name: 'Fietsenmaker Yilmaz', kvkNumber: '12345678', city: 'Amsterdam'}),
      (tess:Person {id: 'tess', name: 'Tess de Vries', email: 'tess@hva.example', phone: '+31 20 555 0101', note: 'private'})-[:TEACHES]->(c),
      (tess)-[:TEACHES]->(c2),
      (bram:Person {id: 'bram', name: 'Bram Jansen', email: 'bram@hva.example'})-[:COORDINATES]->(p), (bram)-[:DEAN_OF]->(i),
      (:Person {id: 'sanne', name: 'Sanne Visser'})-[:WORKS_AT]->(bank),
      (:Person {id: 'ahmed', name: 'Ahmed Yilmaz', phone: '06 1234 5678'})-[:CONTACT_FOR]->(s),
      (s)-[:ASKED]->(kA:Case {id: 'kA', title: 'Web shop, with stock', question: 'Sell "parts" online', topics: ['web shop', 'e-commerce'], wantedLevels: ['HBO', 'MBO'],
        effort: 'SPRINT', earliestStart: date('2025-09-01'), deadline: date('2026-01-31'), status: 'MATCHED', created: datetime('2025-08-21T09:30:00Z')}),
      (kA)-[:HANDLED_BY]->(bram), (bank)-[:REFERRED {date: date('2025-08-20')}]->(kA),
      (kA)-[:HAD_EVENT]->(:CaseEvent {id: 'eA1', from: null, to: 'INTAKE', at: datetime('2025-08-21T09:30:00Z')}),
      (kA)-[:HAD_EVENT]->(:CaseEvent {id: 'eA2', from: 'PROPOSED', to: 'MATCHED', at: datetime('2025-09-05T12:00:00Z')}),
      (:Sprint {id: 'spOld', status: 'CANCELLED', startDate: date('2025-11-10')})-[:FOR_CASE]->(kA),
      (sp:Sprint {id: 'spA', status: 'PLANNED', startDate: date('2025-09-08')})-[:FOR_CASE]->(kA), (sp)-[:IN_COURSE]->(c), (sp)-[:IN_PERIOD]->(tp),
      (s)-[:ASKED]->(kB:Case {id: 'kB', title: 'Social media plan', topics: [], wantedLevels: ['WO'], status: 'CLOSED', created: datetime('2025-06-10T00:00:00Z')}),
      (kB)-[:HAD_EVENT]->(:CaseEvent {id: 'eB1', from: null, to: 'INTAKE', at: datetime('2025-06-10T00:00:00Z')}),
      (kB)-[:HAD_EVENT]->(:CaseEvent {id: 'eB2', from: 'INTAKE', to: 'CLOSED', at: datetime('2025-06-20T08:00:00Z'), reason: 'WITHDRAWN'}),
      (s)-[:ASKED]->(:Case {id: 'kC', title: 'Sales dashboard', topics: ['data'], wantedLevels: ['HBO'], status: 'INTAKE', created: datetime('2025-09-03T00:00:00Z')})`);
}

const readCsv = (text: string): Array<Record<string, string>> =>
  parse(text, { columns: true, bom: true }) as Array<Record<string, string>>;

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "werkplaats-export-"));
  tempDirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

async function graphFingerprint(): Promise<string> {
  const nodes = await db.read("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props");
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

async function exportsFromApi(): Promise<{ cases: string; contacts: string }> {
  const result = await server.graphql<{ exportCasesCsv: string; exportContactsCsv: string }>(
    "{ exportCasesCsv exportContactsCsv }",
  );
  expect(result.errors).toBeUndefined();
  return { cases: result.data!.exportCasesCsv, contacts: result.data!.exportContactsCsv };
}

describe("CSV export", () => {
  it("exports cases with SME, status, dates, and course, institution and period once matched", async () => {
    const { cases } = await exportsFromApi();
    expect(cases.startsWith("\uFEFFid,title,")).toBe(true);
    const rows = readCsv(cases);
    expect(Object.keys(rows[0]!)).toEqual([...caseExportColumns]);
    expect(rows.map((r) => r.id)).toEqual(["kB", "kA", "kC"]);
    expect(rows[1]).toMatchObject({
      title: "Web shop, with stock",
      question: 'Sell "parts" online',
      smeId: "s1",
      smeKvkNumber: "12345678",
      smeName: "Fietsenmaker Yilmaz",
      topics: "web shop;e-commerce",
      wantedLevels: "HBO;MBO",
      status: "MATCHED",
      created: "2025-08-21T09:30:00Z",
      coordinatorId: "bram",
      referredBy: "De Regiobank",
      referringPartnerId: "bank",
      referralDate: "2025-08-20",
      matchedAt: "2025-09-05T12:00:00Z",
      completedAt: "",
      courseId: "c1",
      courseName: "Data Sprint",
      programmeName: "HBO-ICT",
      institutionId: "i1",
      institutionName: "Hogeschool van Amsterdam",
      teachingPeriod: "Blok 1 2025-2026",
      sprintStatus: "PLANNED",
    });
    expect(rows[0]).toMatchObject({
      status: "CLOSED",
      closeReason: "WITHDRAWN",
      closedAt: "2025-06-20T08:00:00Z",
      courseId: "",
      institutionName: "",
    });
  });

  it("exports the contact list with roles and organisations, without notes", async () => {
    const rows = readCsv((await exportsFromApi()).contacts);
    expect(Object.keys(rows[0]!)).toEqual([...contactExportColumns]);
    expect(rows.map((r) => r.id)).toEqual(["ahmed", "bram", "sanne", "tess"]);
    expect(rows[1]).toMatchObject({
      email: "bram@hva.example",
      roles: "programme coordinator, dean",
      organisations: "Hogeschool van Amsterdam",
      coordinates: "p1",
      deanOf: "i1",
    });
    // A leading "+" is a formula start to a spreadsheet: the cell is neutralised (formula-guard.ts).
    expect(rows[3]).toMatchObject({ phone: "'+31 20 555 0101", roles: "teacher", teaches: "c1;c2" });
    expect(rows[0]).toMatchObject({ roles: "SME contact", organisations: "Fietsenmaker Yilmaz", contactFor: "s1" });
    expect(rows[2]).toMatchObject({ roles: "partner", worksAt: "bank" });
    expect(JSON.stringify(rows)).not.toContain("private");
  });

  it("is for coordinators and admins only", async () => {
    const viewer = await startTestServer(db, { roles: ["VIEWER"] });
    try {
      const result = await viewer.graphql("{ exportContactsCsv }");
      expect(result.data ?? null).toBeNull();
      expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    } finally {
      await viewer.http.close();
    }
  });
});

describe("formula injection (OWASP CSV injection)", () => {
  const FORMULA = "=cmd|' /C calc'!A0";

  it("neutralises an intake titled like a formula in exportCasesCsv, and the import reads the original title back", async () => {
    const intake = await server.graphql<{ intakeCase: { caseId: string } }>(
      `mutation($input: CaseIntakeInput!) { intakeCase(input: $input) { caseId } }`,
      {
        input: {
          title: FORMULA,
          question: "@SUM(1+1)*cmd|' /C calc'!A0",
          topics: ["-2+3", "+plus"],
          wantedLevels: ["HBO"],
          sme: { name: '=HYPERLINK("http://evil.example")', city: "Amsterdam" },
          // The test's account is not linked to a person, so the intake names its coordinator.
          coordinator: "bram",
        },
      },
    );
    expect(intake.errors).toBeUndefined();
    const caseId = intake.data!.intakeCase.caseId;
    const { cases } = await exportsFromApi();
    // Quoted, with a single quote before the formula: a spreadsheet shows text and runs nothing.
    expect(cases).toContain(`"'=cmd|' /C calc'!A0"`);
    expect(cases).toContain(`"'@SUM(1+1)*cmd|' /C calc'!A0"`);
    const row = readCsv(cases).find((r) => r.id === caseId)!;
    expect(row.title).toBe(`'${FORMULA}`);
    expect(row.smeName).toBe(`'=HYPERLINK("http://evil.example")`);
    expect(row.topics?.startsWith("'")).toBe(true);
    // No cell of either export starts with a formula character.
    const { contacts } = await exportsFromApi();
    for (const text of [cases, contacts]) {
      for (const r of readCsv(text)) for (const cell of Object.values(r)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }

    // The import strips the guard: the export reads back into the same graph without a change.
    // The steady state the server keeps: words linked to the vocabulary (start-up migration, #15), then counts.
    await migrateTopics(db, nowIso());
    await refreshSuggestionCounts(db, nowIso());
    const before = await graphFingerprint();
    const report = await importSpreadsheets(db, folder({ "cases.csv": cases }));
    expect(report.problems).toEqual([]);
    expect(report.files.find((f) => f.file === "cases.csv")?.unchanged).toBe(4);
    expect(await graphFingerprint()).toBe(before);
    const stored = await db.read("MATCH (c:Case {id: $id}) RETURN c.title AS title, c.question AS question", { id: caseId });
    expect(stored).toEqual([{ title: FORMULA, question: "@SUM(1+1)*cmd|' /C calc'!A0" }]);
  });
});

describe("topic labels in the export's language (#15)", () => {
  it("exports the labels of the topics a case's words resolved to, in Dutch or English, next to the words as typed", async () => {
    await loadStarterVocabulary(db, nowIso());
    await migrateTopics(db, nowIso());
    const labels = async (language?: string) => {
      const result = await server.graphql<{ exportCasesCsv: string }>(
        language ? `{ exportCasesCsv(language: ${language}) }` : "{ exportCasesCsv }",
      );
      expect(result.errors).toBeUndefined();
      return readCsv(result.data!.exportCasesCsv).map((r) => [r.id, r.topics, r.topicLabels]);
    };
    expect(await labels("EN")).toEqual([
      ["kB", "", ""],
      ["kA", "web shop;e-commerce", "e-commerce;web shop"],
      ["kC", "data", "data"],
    ]);
    // Dutch by default: "web shop" is "webshop" in Dutch.
    expect(await labels()).toEqual([
      ["kB", "", ""],
      ["kA", "web shop;e-commerce", "e-commerce;webshop"],
      ["kC", "data", "data"],
    ]);
  });
});

describe("export → import round trip", () => {
  it("reads its own export back into the same graph without a change", async () => {
    const { cases, contacts } = await exportsFromApi();
    // An import refreshes the board's stored suggestion counts; start from a graph where they are current.
    // The steady state the server keeps: words linked to the vocabulary (start-up migration, #15), then counts.
    await migrateTopics(db, nowIso());
    await refreshSuggestionCounts(db, nowIso());
    const before = await graphFingerprint();
    const report = await importSpreadsheets(db, folder({ "cases.csv": cases, "people.csv": contacts }));
    expect(report.problems).toEqual([]);
    expect(report.files.filter((f) => f.found).map((f) => [f.file, f.rows, f.unchanged])).toEqual([
      ["people.csv", 4, 4],
      ["cases.csv", 3, 3],
    ]);
    expect(report.files.find((f) => f.file === "people.csv")?.ignoredColumns).toEqual(["roles", "organisations", "contactFor"]);
    expect(await graphFingerprint()).toBe(before);
  });

  it("keeps the ids and roles in a fresh graph; a matched case cannot be created by import", async () => {
    const { cases, contacts } = await exportsFromApi();
    const roles = async () =>
      db.read(
        "MATCH (p:Person)-[r]->(x) WHERE type(r) <> 'KNOWS' RETURN p.id AS person, type(r) AS role, x.id AS target ORDER BY person, role, target",
      );
    const rolesBefore = await roles();
    await resetGraph(db);
    const base = folder({
      "institutions.csv": "id,name,kind\ni1,Hogeschool van Amsterdam,HBO\n",
      "partners.csv": "id,name,kind\nbank,De Regiobank,BANK\n",
      "programmes.csv": "id,name,level,institutionId\np1,HBO-ICT,BACHELOR,i1\n",
      "courses.csv": "id,name,kind,programmeId\nc1,Data Sprint,PROJECT,p1\nc2,Web Lab,PROJECT,p1\n",
      "people.csv": contacts,
      "smes.csv": "id,name,kvkNumber,contactPersonId\ns1,Fietsenmaker Yilmaz,12345678,ahmed\n",
      "cases.csv": cases,
    });
    const report = await importSpreadsheets(db, base);
    expect(report.problems.map((p) => [p.file, p.line, p.field])).toEqual([["cases.csv", 3, "status"]]);
    expect(await roles()).toEqual(rolesBefore);
    const imported = await db.read(
      "MATCH (s:Sme)-[:ASKED]->(c:Case) RETURN c.id AS id, s.id AS sme, c.status AS status, toString(c.created) AS created ORDER BY id",
    );
    expect(imported).toEqual([
      { id: "kB", sme: "s1", status: "CLOSED", created: "2025-06-10T00:00:00Z" },
      { id: "kC", sme: "s1", status: "INTAKE", created: "2025-09-03T00:00:00Z" },
    ]);
    const closing = await db.read("MATCH (:Case {id: 'kB'})-[:HAD_EVENT]->(e {to: 'CLOSED'}) RETURN e.reason AS reason");
    expect(closing).toEqual([{ reason: "WITHDRAWN" }]);
  });
});

function runCli(entry: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const target = inject("neo4j");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", entry, ...args], {
      cwd: projectRoot,
      env: {
        ...process.env,
        NEO4J_URI: target.uri,
        NEO4J_USERNAME: target.username,
        NEO4J_PASSWORD: target.password,
        NEO4J_DATABASE: target.database,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${entry} did not finish; stderr: ${stderr}`));
    }, 120_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe("npm run export / npm run import", () => {
  it("export writes the same CSV as the API; import --dry-run reports rejected rows with exit code 2 and changes nothing", async () => {
    const out = path.join(folder({}), "cases.csv");
    const exported = await runCli("server/domains/spreadsheets/export-cli.ts", ["--what", "cases", "--out", out]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stderr).toMatch(/Wrote 3 cases/);
    expect(readFileSync(out, "utf8")).toBe((await exportsFromApi()).cases);

    const before = await graphFingerprint();
    const dir = folder({ "institutions.csv": "id,name,kind\ni9,Nieuw,HBO\ni8,Kapot,HAVO\n" });
    const imported = await runCli("server/domains/spreadsheets/import-cli.ts", ["--dir", dir, "--dry-run"]);
    expect(imported.code, imported.stderr).toBe(2);
    expect(imported.stdout).toMatch(/Dry run of .*nothing was changed/);
    expect(imported.stdout).toMatch(/institutions\.csv\s+2\s+1\s+0\s+0\s+1/);
    expect(imported.stdout).toMatch(/institutions\.csv:3 {2}kind: "HAVO" is not one of WO, HBO, MBO/);
    expect(await graphFingerprint()).toBe(before);

    const wrong = await runCli("server/domains/spreadsheets/export-cli.ts", ["--what", "everything"]);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toMatch(/Allowed choices are cases, contacts/);
  });
});

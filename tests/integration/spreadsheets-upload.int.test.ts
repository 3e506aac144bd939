import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/platform/neo4j/database.js";
import { connectTestDatabase, ownScope, type OwnScope } from "../helpers/neo4j.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

/**
 * The client's upload (#17 part 2): agreements.csv and interactions.csv through the mutation
 * importSpreadsheets — a dry run reports the broken row and writes nothing, the import writes the good
 * rows (an interaction moves the tie and the mapping status as logInteraction does), and a second import
 * changes nothing. Own-scope ids, so it runs beside the other files.
 */
let db: Database;
let scope: OwnScope;
let server: TestServer;

const IMPORT = `mutation($files: [SpreadsheetFileInput!]!, $dryRun: Boolean!) {
  importSpreadsheets(files: $files, dryRun: $dryRun) {
    dryRun files { file rows created updated unchanged rejected ignoredColumns }
    problems { file line field code reason reasonKey reasonValues { name value } }
  }
}`;
const LOG = `mutation($by: ID!, $with: ID!, $date: String!, $channel: InteractionChannel!, $result: InteractionResult) {
  logInteraction(by: $by, with: $with, date: $date, channel: $channel, result: $result) { tie { strength } }
}`;

interface FileReport {
  file: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}
interface Report {
  dryRun: boolean;
  files: FileReport[];
  problems: Array<{
    file: string;
    line: number;
    field: string | null;
    code: string;
    reason: string;
    reasonKey: string | null;
    reasonValues: Array<{ name: string; value: string }>;
  }>;
}

const id = (name: string): string => scope.id(name);

function agreementsCsv(): string {
  return [
    "id,scope,courses,programmes,institutions,assignmentTypes,casesPerPeriod,planning,structural,validFrom,validTo,signedBy",
    `${id("ag-course")},COURSE,${id("course")},,,PROJECT,2,Four weeks ahead,ja,2025-09-01,2026-08-31,${id("bram")}`,
    `${id("ag-inst")},INSTITUTION,,,${id("inst")},PROJECT;INTERNSHIP,,,,1-9-2025,,`,
    // Broken: ends before it starts (the rule createAgreements has).
    `${id("ag-broken")},PROGRAMME,,${id("prog")},,,1,,,2025-09-01,2025-08-01,`,
  ].join("\n");
}

function interactionsCsv(): string {
  return [
    "id,by,with,date,channel,result,note,aboutProgramme,aboutCourse,introducedBy",
    `${id("x1")},${id("bram")},${id("kees")},2025-05-12,EMAIL,NO_REPLY,First mail,,${id("course")},`,
    `${id("x2")},${id("kees")},${id("bram")},2025-05-20,MEETING,INTERESTED,,${id("prog")},${id("course")},`,
    // Broken: a course that does not exist.
    `${id("x3")},${id("bram")},${id("kees")},2025-05-21,PHONE,,,,${id("no-such-course")},`,
  ].join("\n");
}

async function upload(files: Record<string, string>, dryRun: boolean): Promise<Report> {
  const answer = await server.graphql<{ importSpreadsheets: Report }>(IMPORT, {
    files: Object.entries(files).map(([name, text]) => ({ name, text })),
    dryRun,
  });
  expect(answer.errors).toBeUndefined();
  return answer.data!.importSpreadsheets;
}

/** The scope's nodes and relationships with their properties (loggedAt and generated ids aside): a fingerprint. */
async function fingerprint(): Promise<string> {
  const rows = await db.read(
    `MATCH (n) WHERE n.id STARTS WITH $prefix
     OPTIONAL MATCH (n)-[r]->(m)
     WITH n, r, m ORDER BY n.id, type(r), m.id
     RETURN n.id AS id, properties(n) AS props, collect([type(r), m.id, properties(r)]) AS rels ORDER BY id`,
    { prefix: scope.prefix },
  );
  return JSON.stringify(rows);
}

beforeAll(async () => {
  db = await connectTestDatabase();
  scope = await ownScope(db);
  server = await startTestServer(db);
  await db.write(
    `CREATE (i:Institution {id: $p + 'inst', name: 'Hogeschool Upload', kind: 'HBO'})
     CREATE (p:Programme {id: $p + 'prog', name: 'Upload-ICT', level: 'BACHELOR', mappingStatus: 'NOT_APPROACHED'})-[:OFFERED_BY]->(i)
     CREATE (c:Course {id: $p + 'course', name: 'Upload Sprint', kind: 'PROJECT', themes: [], mappingStatus: 'NOT_APPROACHED'})-[:PART_OF]->(p)
     CREATE (:Person {id: $p + 'bram', name: 'Bram Upload'}), (:Person {id: $p + 'kees', name: 'Kees Upload'})
     CREATE (:Person {id: $p + 'ella', name: 'Ella Logged'}), (:Person {id: $p + 'finn', name: 'Finn Logged'})`,
    { p: scope.prefix },
  );
});

afterAll(async () => {
  await scope?.clean();
  await server?.http.close();
  await db?.close();
});

describe("uploading agreements.csv and interactions.csv", () => {
  it("a dry run reports the broken rows by line, field and code, and writes nothing", async () => {
    const before = await fingerprint();
    const report = await upload({ "agreements.csv": agreementsCsv(), "interactions.csv": interactionsCsv() }, true);
    expect(report.dryRun).toBe(true);
    expect(report.files.map((f) => [f.file, f.rows, f.created, f.rejected])).toEqual([
      ["agreements.csv", 3, 2, 1],
      ["interactions.csv", 3, 2, 1],
    ]);
    expect(report.problems).toEqual([
      {
        file: "agreements.csv",
        line: 4,
        field: "validTo",
        code: "INVALID_VALUE",
        reason: "The agreement ends (validTo) before it starts (validFrom).",
        // A sentence of the shared input rules, not one of the import's reason keys: the client shows the code's text.
        reasonKey: null,
        reasonValues: [],
      },
      {
        file: "interactions.csv",
        line: 4,
        field: "aboutCourse",
        code: "NOT_FOUND",
        reason: expect.stringMatching(/course/i),
        reasonKey: "REFERENCE_NOT_FOUND",
        reasonValues: [
          { name: "label", value: "Course" },
          { name: "id", value: expect.stringMatching(/no-such-course$/) },
        ],
      },
    ]);
    // A cell that does not parse: its reason key and the value as typed, for the client to word (ImportPage.tsx).
    const broken = await upload({ "interactions.csv": "id,by,with,date,channel\nx1,a,b,2025-02-30,EMAIL\n" }, true);
    expect(broken.problems).toEqual([
      {
        file: "interactions.csv",
        line: 2,
        field: "date",
        code: "INVALID_VALUE",
        reason: '"2025-02-30" is not a real calendar date',
        reasonKey: "NOT_A_REAL_DATE",
        reasonValues: [{ name: "value", value: "2025-02-30" }],
      },
    ]);
    expect(await fingerprint()).toBe(before);
  });

  it("imports the good rows: agreements with what they cover, interactions moving the tie and the mapping status as logInteraction does", async () => {
    const report = await upload({ "agreements.csv": agreementsCsv(), "interactions.csv": interactionsCsv() }, false);
    expect(report.dryRun).toBe(false);
    expect(report.problems.map((p) => [p.file, p.line, p.field])).toEqual([
      ["agreements.csv", 4, "validTo"],
      ["interactions.csv", 4, "aboutCourse"],
    ]);
    const agreements = await db.read(
      `MATCH (a:Agreement) WHERE a.id STARTS WITH $prefix
       RETURN a.id AS id, a.scope AS scope, a.casesPerPeriod AS cap, a.structural AS structural, toString(a.validFrom) AS from,
              a.assignmentTypes AS types, [(a)-[:COVERS]->(x) | x.id] AS covers, [(s:Person)-[:SIGNED]->(a) | s.id] AS signed
       ORDER BY id`,
      { prefix: scope.prefix },
    );
    expect(agreements).toEqual([
      {
        id: id("ag-course"),
        scope: "COURSE",
        cap: 2,
        structural: true,
        from: "2025-09-01",
        types: ["PROJECT"],
        covers: [id("course")],
        signed: [id("bram")],
      },
      {
        id: id("ag-inst"),
        scope: "INSTITUTION",
        cap: null,
        structural: false,
        from: "2025-09-01",
        types: ["PROJECT", "INTERNSHIP"],
        covers: [id("inst")],
        signed: [],
      },
    ]);

    // The same two contacts logged in the app between two other people: the tie must come out the same.
    for (const [by, withId, date, channel, result] of [
      [id("ella"), id("finn"), "2025-05-12", "EMAIL", "NO_REPLY"],
      [id("finn"), id("ella"), "2025-05-20", "MEETING", "INTERESTED"],
    ] as const) {
      const logged = await server.graphql(LOG, { by, with: withId, date, channel, result });
      expect(logged.errors).toBeUndefined();
    }
    const ties = await db.read(
      `MATCH (a:Person {id: $a})-[k:KNOWS]-(b:Person {id: $b})
       RETURN k.strength AS strength, k.channel AS channel, toString(k.since) AS since, toString(k.lastContact) AS lastContact`,
      { a: id("bram"), b: id("kees") },
    );
    const loggedTie = await db.read(
      `MATCH (a:Person {id: $a})-[k:KNOWS]-(b:Person {id: $b})
       RETURN k.strength AS strength, k.channel AS channel, toString(k.since) AS since, toString(k.lastContact) AS lastContact`,
      { a: id("ella"), b: id("finn") },
    );
    expect(ties).toHaveLength(1);
    expect(ties).toEqual(loggedTie);
    expect(Number(ties[0]!.strength)).toBeGreaterThan(0);
    expect(ties[0]).toMatchObject({ since: "2025-05-12", lastContact: "2025-05-20" });

    const statuses = await db.read(
      "MATCH (p:Programme {id: $prog}), (c:Course {id: $course}) RETURN p.mappingStatus AS programme, c.mappingStatus AS course",
      { prog: id("prog"), course: id("course") },
    );
    expect(statuses).toEqual([{ programme: "RESPONDED", course: "RESPONDED" }]);
    const log = await db.read(
      `MATCH (b:Person)-[:INITIATED]->(x:Interaction)-[:WITH]->(w:Person) WHERE x.id STARTS WITH $prefix
       RETURN x.id AS id, b.id AS by, w.id AS with, x.note AS note ORDER BY id`,
      { prefix: scope.prefix },
    );
    expect(log).toEqual([
      { id: id("x1"), by: id("bram"), with: id("kees"), note: "First mail" },
      { id: id("x2"), by: id("kees"), with: id("bram"), note: null },
    ]);
  });

  it("a second import of the same files changes nothing and says so", async () => {
    const before = await fingerprint();
    const again = await upload({ "agreements.csv": agreementsCsv(), "interactions.csv": interactionsCsv() }, false);
    expect(await fingerprint()).toBe(before);
    expect(again.files.map((f) => [f.file, f.created, f.updated, f.unchanged, f.rejected])).toEqual([
      ["agreements.csv", 0, 0, 2, 1],
      ["interactions.csv", 0, 0, 2, 1],
    ]);
  });

  it("refuses to edit the log or change an agreement's scope", async () => {
    const report = await upload(
      {
        "agreements.csv": `id,scope,programmes,validFrom\n${id("ag-course")},PROGRAMME,${id("prog")},2025-09-01`,
        "interactions.csv": `id,by,with,date,channel\n${id("x1")},${id("bram")},${id("kees")},2025-05-13,EMAIL`,
      },
      true,
    );
    expect(report.problems.map((p) => [p.file, p.line, p.field, p.code])).toEqual([
      ["agreements.csv", 2, "scope", "CONFLICT"],
      ["interactions.csv", 2, "date", "CONFLICT"],
    ]);
  });

  it("refuses an unknown file name and an upload over the size limit before any work", async () => {
    const unknown = await server.graphql(IMPORT, { files: [{ name: "contracts.csv", text: "id\n1" }], dryRun: true });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "files" });
    const big = await server.graphql(IMPORT, { files: [{ name: "people.csv", text: "x".repeat(900_001) }], dryRun: true });
    expect(big.errors?.[0]?.extensions).toMatchObject({ code: "PAYLOAD_TOO_LARGE", field: "files" });
  });
});

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rederiveTies } from "../../server/domains/network/rederive-ties.js";
import { openWarmTieStore } from "../../server/domains/network/WarmTieStore.js";
import { importSpreadsheets } from "../../server/domains/spreadsheets/import-spreadsheets.js";
import type { Database } from "../../server/platform/neo4j/database.js";
import { connectTestDatabase, resetGraph } from "../helpers/neo4j.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { day, ok, refused, seedCourse, seedInstitution, seedTie, seedWorkspace, signedInAs } from "./cases-graph-fixtures.js";

/**
 * The tie version (server/platform/neo4j/tie-version.ts, #19 part 1): each kind of write the day brings,
 * through the API where there is one, and whether it moves the version the warm-tie store and the
 * best-warm-path memo are tagged with. The day's workflow (intake, proposal, answer, match, a case or a
 * person edited, the warm threshold) leaves it; every tie write (an interaction, a strength by hand,
 * a generated edit of a tie, a person deleted — also through another type's nested or cascading delete — or erased, a
 * ties.csv import, a rederivation) moves it; the generated writes the held tie graph could not follow unnamed (a
 * person's id changed, a tie made, re-weighed or removed through Person.knows) are refused before anything runs.
 *
 * The version is one node for the whole graph, so this file holds the whole graph (vitest.config.ts
 * wholeGraphFiles): another file's tie write meanwhile would move it under a write that does not.
 */
let db: Database;
let admin: TestServer;
let coordinator: TestServer;

const COORD = "tv-coord";
const TEACHER = "tv-teacher";

const INTAKE = `mutation($input: CaseIntakeInput!) { intakeCase(input: $input) { caseId } }`;
const QUALIFY = `mutation($case: ID!) { qualifyCase(case: $case) { to } }`;
const PROPOSE = `mutation($case: ID!) { proposeCase(case: $case, teacher: "${TEACHER}", course: "tv-course", channel: EMAIL) { id } }`;
const ANSWER = `mutation($proposal: ID!) { answerProposal(proposal: $proposal, answer: INTERESTED) { state } }`;
const MATCH = `mutation($case: ID!) { matchCase(case: $case, course: "tv-course", period: "tv-period", teamSize: 4) { id } }`;
const EDIT_CASE = `mutation($case: ID!) { updateCases(where: { id: { eq: $case } }, update: { title: { set: "Nieuwe titel" } }) { cases { id } } }`;
const EDIT_PERSON = `mutation { updatePeople(where: { id: { eq: "${TEACHER}" } }, update: { jobTitle: { set: "Docent" } }) { people { id } } }`;
const THRESHOLD = `mutation { setWarmThreshold(workspace: "tv-ws", threshold: 0.55) { warmThreshold } }`;
const LOG = `mutation($with: ID!) { logInteraction(by: "${COORD}", with: $with, date: "${day(-1)}", channel: MEETING, result: INTERESTED) { interaction { id } } }`;
const SET_STRENGTH = `mutation { setTieStrength(a: "${COORD}", b: "tv-p2", strength: 0.8) { strength } }`;
const EDIT_TIE = `mutation { updatePeople(where: { id: { eq: "${COORD}" } }, update: { knows: [{ update: { where: { node: { id: { eq: "tv-p1" } } }, edge: { note: { set: "Koffie" } } } }] }) { people { id } } }`;
const DELETE_PERSON = `mutation { deletePeople(where: { id: { eq: "tv-p3" } }) { nodesDeleted } }`;
const ERASE = `mutation { erasePerson(id: "tv-p4") { erasedId } }`;
const EDIT_OTHER_END = `mutation { updatePeople(where: { id: { eq: "${COORD}" } }, update: { knows: [{ update: { where: { node: { id: { eq: "tv-p1" } } }, node: { jobTitle: { set: "Lector" } } } }] }) { people { id } } }`;

/**
 * Generated writes of what the held tie graph is keyed on (person ids; ties made, re-weighed or removed through
 * Person.knows): the schema does not offer them, so they are refused before anything runs — each with its code, field
 * and, where it helps, the mutation that does it (server/platform/faults/format-fault.ts).
 */
const NOT_OFFERED: Array<{ name: string; query: string; field: string; message: RegExp }> = [
  {
    name: "a person's id changed",
    query: `mutation { updatePeople(where: { id: { eq: "${TEACHER}" } }, update: { id: { set: "tv-renamed" } }) { people { id } } }`,
    field: "id",
    message: /^Person\.id never changes/,
  },
  {
    name: "a person's id changed through another person's knows",
    query: `mutation { updatePeople(where: { id: { eq: "${COORD}" } }, update: { knows: [{ update: { where: { node: { id: { eq: "tv-p1" } } }, node: { id: { set: "tv-renamed" } } } }] }) { people { id } } }`,
    field: "id",
    message: /^Person\.id never changes/,
  },
  {
    name: "a teacher's id changed through a course",
    query: `mutation { updateCourses(where: { id: { eq: "tv-course" } }, update: { teachers: [{ update: { node: { id: { set: "tv-renamed" } } } }] }) { courses { id } } }`,
    field: "id",
    message: /^Person\.id never changes/,
  },
  {
    name: "a tie made by connecting people",
    query: `mutation { updatePeople(where: { id: { eq: "${COORD}" } }, update: { knows: [{ connect: [{ where: { node: { id: { eq: "tv-p3" } } }, edge: { strength: 0.9, channel: COLLEAGUE } }] }] }) { people { id } } }`,
    field: "connect",
    message: /^Ties are made, re-weighed and removed only by setTieStrength/,
  },
  {
    name: "a tie removed by disconnecting people",
    query: `mutation { updatePeople(where: { id: { eq: "${COORD}" } }, update: { knows: [{ disconnect: [{ where: { node: { id: { eq: "tv-p1" } } } }] }] }) { people { id } } }`,
    field: "disconnect",
    message: /^Ties are made, re-weighed and removed only by setTieStrength/,
  },
  {
    name: "a tie's strength set",
    query: `mutation { updatePeople(where: { id: { eq: "${COORD}" } }, update: { knows: [{ update: { where: { node: { id: { eq: "tv-p1" } } }, edge: { strength: { set: 0.1 } } } }] }) { people { id } } }`,
    field: "strength",
    message: /^Knows\.strength is not set through the generated API: use setTieStrength or logInteraction/,
  },
  {
    // A person (with a tie) deleted through another type's generated input would pass checkGenericDelete by: no
    // nested delete in an update, no cascade in a delete (schema/graph.graphql).
    name: "a teacher deleted nested in a course's update",
    query: `mutation { updateCourses(where: { id: { eq: "tv-course2" } }, update: { teachers: [{ delete: [{ where: { node: { id: { eq: "tv-p5" } } } }] }] }) { courses { id } } }`,
    field: "delete",
    message: /^Nested and cascading deletes are not offered: delete each node with its own delete mutation/,
  },
  {
    name: "an employee deleted in cascade from a partner's delete",
    query: `mutation { deletePartners(where: { id: { eq: "tv-partner" } }, delete: { employees: [{ where: { node: { id: { eq: "tv-p6" } } } }] }) { nodesDeleted } }`,
    field: "delete",
    message: /^Nested and cascading deletes are not offered: delete each node with its own delete mutation/,
  },
  {
    name: "a person created with ties",
    query: `mutation { createPeople(input: [{ name: "Nieuw", knows: { connect: [{ where: { node: { id: { eq: "${COORD}" } } }, edge: { strength: 0.9, channel: COLLEAGUE } }] } }]) { people { id } } }`,
    field: "knows",
    message: /^Ties are made, re-weighed and removed only by setTieStrength/,
  },
];

/** Whether `write` moved the tie version. */
async function moves(write: () => Promise<unknown>): Promise<boolean> {
  const before = await db.tieVersion();
  expect(before).toMatch(/^ties:/);
  await write();
  return (await db.tieVersion()) !== before;
}

/**
 * What the tie log's last change names (tie-version.ts): "pairs" (only ties between those pairs changed: the analytics
 * worker reads just theirs), "people" (all their ties read again), "*" (every tie read again), or "no one".
 */
async function lastNamed(): Promise<string> {
  const changes = (await db.read("MATCH (v:TieVersion) RETURN v.changes AS changes"))[0]?.changes as string[];
  const names = changes.at(-1)!.split(" ").slice(1);
  if (names.includes("*")) return "*";
  if (names.length === 0) return "no one";
  const pairs = names.filter((n) => n.includes("|")).length;
  return pairs === names.length ? "pairs" : pairs === 0 ? "people" : "pairs and people";
}

let cases = 0;
async function intake(): Promise<string> {
  cases += 1;
  const data = await ok<{ intakeCase: { caseId: string } }>(coordinator, INTAKE, {
    input: {
      sme: { name: `Bedrijf TV ${cases}`, city: "Haarlem" },
      title: `Vraag ${cases}`,
      topics: ["data"],
      wantedLevels: ["HBO"],
      effort: "SPRINT",
      earliestStart: day(10),
      deadline: day(200),
    },
  });
  return data.intakeCase.caseId;
}

let dir: string;

beforeAll(async () => {
  db = await connectTestDatabase();
  await resetGraph(db);
  admin = await startTestServer(db);
  coordinator = await signedInAs(admin, COORD);
  await seedWorkspace(db, { id: "tv-ws", coordinators: [{ id: COORD, name: "Carla" }] });
  await seedInstitution(db, { id: "tv-hbo", kind: "HBO" });
  await seedCourse(db, {
    id: "tv-course",
    name: "Data Sprint",
    themes: ["data"],
    institution: "tv-hbo",
    teachers: [TEACHER],
    periods: [{ id: "tv-period", name: "Blok 2", start: day(-5), end: day(100) }],
    agreement: { casesPerPeriod: null },
  });
  // A course's teacher and a partner's employee (tv-p5, tv-p6, each with a tie) that a nested or cascading delete would remove.
  await seedCourse(db, { id: "tv-course2", name: "Web Sprint", themes: ["web"], institution: "tv-hbo", teachers: ["tv-p5"] });
  await db.write(
    `CREATE (:Person {id: 'tv-p6', name: 'Person tv-p6'})-[:WORKS_AT]->(:Partner {id: 'tv-partner', name: 'Bank', kind: 'BANK'})`,
  );
  for (const [a, b, strength] of [
    [COORD, "tv-p1", 0.7],
    [COORD, "tv-p2", 0.4],
    ["tv-p1", "tv-p3", 0.6],
    ["tv-p2", "tv-p4", 0.9],
    [COORD, TEACHER, 0.5],
    [COORD, "tv-p5", 0.6],
    ["tv-p1", "tv-p6", 0.5],
  ] as const) {
    await seedTie(db, a, b, strength);
  }
  dir = mkdtempSync(path.join(tmpdir(), "tie-version-"));
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await admin?.http.close();
  await db?.close();
});

describe("the tie version", () => {
  it("stays put for the day's workflow: intake, proposal, answer, match, a case or person edited, the warm threshold", async () => {
    let caseId = "";
    expect(await moves(async () => (caseId = await intake()))).toBe(false);
    expect(await moves(() => ok(coordinator, QUALIFY, { case: caseId }))).toBe(false);
    let proposal = "";
    expect(
      await moves(
        async () =>
          (proposal = (await ok<{ proposeCase: { id: string } }>(coordinator, PROPOSE, { case: caseId })).proposeCase.id),
      ),
    ).toBe(false);
    expect(await moves(() => ok(coordinator, ANSWER, { proposal }))).toBe(false);
    expect(await moves(() => ok(coordinator, MATCH, { case: caseId }))).toBe(false);
    expect(await moves(() => ok(admin, EDIT_CASE, { case: caseId }))).toBe(false);
    expect(await moves(() => ok(admin, EDIT_PERSON))).toBe(false);
    // The store is kept per threshold, so a new threshold is another store, not a stale one.
    expect(await moves(() => ok(admin, THRESHOLD))).toBe(false);
    // An import without ties.csv writes no tie.
    writeFileSync(path.join(dir, "people.csv"), `id,name\ntv-new,Nieuwe Persoon\n`);
    expect(await moves(() => importSpreadsheets(db, dir))).toBe(false);
    rmSync(path.join(dir, "people.csv"));
  });

  it("moves with every tie write: interaction, strength by hand, generated tie edit, rederivation, import, deletion, erasure", async () => {
    // Each names what it may change in the tie log: the writers of one pair's ties their pair (the analytics worker reads
    // those ties alone), an erasure the people at the erased person's other ends, the generated API "*".
    expect(await moves(() => ok(coordinator, LOG, { with: TEACHER }))).toBe(true);
    expect(await lastNamed()).toBe("pairs");
    expect(await moves(() => ok(coordinator, SET_STRENGTH))).toBe(true);
    expect(await lastNamed()).toBe("pairs");
    expect(await moves(() => ok(admin, EDIT_TIE))).toBe(true);
    expect(await lastNamed()).toBe("*");
    // Years later the interaction above has faded: the tie's strength is derived again.
    expect(await moves(async () => expect((await rederiveTies(db, day(3650))).changed).toBeGreaterThan(0))).toBe(true);
    expect(await lastNamed()).toBe("pairs");
    writeFileSync(path.join(dir, "ties.csv"), `personA,personB,strength,channel\ntv-p1,tv-p2,0.65,COLLEAGUE\n`);
    expect(await moves(() => importSpreadsheets(db, dir))).toBe(true);
    expect(await lastNamed()).toBe("pairs");
    expect(await moves(() => ok(admin, DELETE_PERSON))).toBe(true);
    expect(await lastNamed()).toBe("*");
    expect(await moves(() => ok(admin, ERASE))).toBe(true);
    expect(await lastNamed()).toBe("people");
    // An edit through a tie (the person at its other end) names KNOWS: it moves too (it cannot tell it kept the tie).
    expect(await moves(() => ok(admin, EDIT_OTHER_END))).toBe(true);
    expect(await lastNamed()).toBe("*");
  });

  it("refuses the generated writes of what the held tie graph is keyed on (ids, ties made or removed), moving nothing", async () => {
    const ties = `MATCH (a:Person)-[k:KNOWS]->(b:Person) RETURN a.id AS a, b.id AS b, k.strength AS strength ORDER BY a, b`;
    const tiesBefore = await db.read(ties);
    const idsBefore = await db.read(`MATCH (p:Person) RETURN p.id AS id ORDER BY id`);
    for (const { name, query, field, message } of NOT_OFFERED) {
      let error: Awaited<ReturnType<typeof refused>> | undefined;
      expect(await moves(async () => (error = await refused(admin, query))), name).toBe(false);
      expect(error?.extensions?.code, name).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(error?.extensions?.field, name).toBe(field);
      expect(error?.message, name).toMatch(message);
    }
    expect(await db.read(ties)).toEqual(tiesBefore);
    expect(await db.read(`MATCH (p:Person) RETURN p.id AS id ORDER BY id`)).toEqual(idsBefore);
  });

  it("keeps the warm-tie store across the workflow and gives a new one after a tie write", async () => {
    const store = await openWarmTieStore(db, 0.5);
    await intake();
    expect(await openWarmTieStore(db, 0.5)).toBe(store);
    await ok(coordinator, LOG, { with: "tv-p1" });
    expect(await openWarmTieStore(db, 0.5)).not.toBe(store);
  });

  it("falls back to the graph version when the TieVersion node is gone (a wiped graph), so any write counts", async () => {
    await db.write("MATCH (v:TieVersion) DELETE v");
    const before = await db.tieVersion();
    expect(before).toMatch(/^graph:/);
    await intake();
    expect(await db.tieVersion()).not.toBe(before);
    // The next tie write makes the node again.
    await ok(coordinator, SET_STRENGTH);
    expect(await db.tieVersion()).toMatch(/^ties:/);
  });
});

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { courseCatalogueAt } from "../../server/domains/suggestions/held-course-catalogue.js";
import { importSpreadsheets } from "../../server/domains/spreadsheets/import-spreadsheets.js";
import { bumpCatalogueVersion } from "../../server/platform/neo4j/catalogue-version.js";
import type { Database } from "../../server/platform/neo4j/database.js";
import { CATALOGUE_VERSION_SUBQUERY } from "../../server/platform/neo4j/statements.js";
import { connectTestDatabase, resetGraph } from "../helpers/neo4j.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { day, ok, seedCourse, seedInstitution, seedTie, seedWorkspace, signedInAs } from "./cases-graph-fixtures.js";

/**
 * The catalogue version (server/platform/neo4j/catalogue-version.ts, #19): what the suggestions' held course catalogue
 * (server/domains/suggestions/course-catalogue.ts) is tagged with. The day's workflow (intake, proposal, answer, match, a
 * case edited, an interaction about a course, a tie) leaves it, so suggestions stay in memory through a day's writes;
 * every write of what the catalogue holds — a course, teaching period or institution edited through the generated API, a
 * course's topics, a spreadsheet import of courses or periods, a course made outside the API — moves it, and the next
 * suggestions show the change.
 *
 * The version is one node for the whole graph, so this file holds the whole graph (it calls resetGraph).
 */
let db: Database;
let admin: TestServer;
let coordinator: TestServer;

const COORD = "cv-coord";
const TEACHER = "cv-teacher";

const INTAKE = `mutation($input: CaseIntakeInput!) { intakeCase(input: $input) { caseId } }`;
const QUALIFY = `mutation($case: ID!) { qualifyCase(case: $case) { to } }`;
const PROPOSE = `mutation($case: ID!) { proposeCase(case: $case, teacher: "${TEACHER}", course: "cv-course", channel: EMAIL) { id } }`;
const ANSWER = `mutation($proposal: ID!) { answerProposal(proposal: $proposal, answer: INTERESTED) { state } }`;
const MATCH = `mutation($case: ID!) { matchCase(case: $case, course: "cv-course", period: "cv-period", teamSize: 4) { id } }`;
const EDIT_CASE = `mutation($case: ID!) { updateCases(where: { id: { eq: $case } }, update: { title: { set: "Nieuwe titel" } }) { cases { id } } }`;
const LOG_ABOUT_COURSE = `mutation { logInteraction(by: "${COORD}", with: "${TEACHER}", date: "${day(-1)}", channel: MEETING, result: INTERESTED, aboutCourse: "cv-course") { interaction { id } } }`;
const RENAME_COURSE = `mutation($name: String!) { updateCourses(where: { id: { eq: "cv-course" } }, update: { name: { set: $name } }) { courses { id } } }`;
const COURSE_TOPICS = `mutation { updateCourses(where: { id: { eq: "cv-course2" } }, update: { themes: { set: ["data"] } }) { courses { id } } }`;
const MOVE_PERIOD = `mutation { updateTeachingPeriods(where: { id: { eq: "cv-period" } }, update: { startDate: { set: "${day(20)}" } }) { teachingPeriods { id } } }`;
const INSTITUTION_KIND = `mutation { updateInstitutions(where: { id: { eq: "cv-wo" } }, update: { kind: { set: HBO } }) { institutions { id } } }`;
const SUGGESTIONS = `query($case: ID!) { caseSuggestions(case: $case, limit: 10) { courseId courseName periodId periodStart courseLevels } }`;

async function catalogueVersion(): Promise<string | null> {
  const [row] = await db.read(`${CATALOGUE_VERSION_SUBQUERY}\nRETURN catalogueVersion`);
  return (row?.catalogueVersion as string | null | undefined) ?? null;
}

/** Whether `write` moved the catalogue version. */
async function moves(write: () => Promise<unknown>): Promise<boolean> {
  const before = await catalogueVersion();
  expect(before).not.toBeNull();
  await write();
  return (await catalogueVersion()) !== before;
}

let cases = 0;
async function intake(words = ["data"]): Promise<string> {
  cases += 1;
  const data = await ok<{ intakeCase: { caseId: string } }>(coordinator, INTAKE, {
    input: {
      sme: { name: `Bedrijf CV ${cases}`, city: "Haarlem" },
      title: `Vraag ${cases}`,
      topics: words,
      wantedLevels: ["HBO"],
      effort: "SPRINT",
      earliestStart: day(10),
      deadline: day(200),
    },
  });
  return data.intakeCase.caseId;
}

type Suggestion = {
  courseId: string;
  courseName: string;
  periodId: string | null;
  periodStart: string | null;
  courseLevels: string[];
};
async function suggestions(caseId: string): Promise<Suggestion[]> {
  return (await ok<{ caseSuggestions: Suggestion[] }>(coordinator, SUGGESTIONS, { case: caseId })).caseSuggestions;
}

let dir: string;

beforeAll(async () => {
  db = await connectTestDatabase();
  await resetGraph(db);
  admin = await startTestServer(db);
  coordinator = await signedInAs(admin, COORD);
  await seedWorkspace(db, { id: "cv-ws", coordinators: [{ id: COORD, name: "Carla" }] });
  await seedInstitution(db, { id: "cv-hbo", kind: "HBO" });
  await seedInstitution(db, { id: "cv-wo", kind: "WO" });
  await seedCourse(db, {
    id: "cv-course",
    name: "Data Sprint",
    themes: ["data"],
    institution: "cv-hbo",
    teachers: [TEACHER],
    periods: [{ id: "cv-period", name: "Blok 2", start: day(15), end: day(100) }],
    agreement: { casesPerPeriod: null },
  });
  await seedCourse(db, {
    id: "cv-course2",
    name: "Web Sprint",
    themes: ["web"],
    institution: "cv-hbo",
    periods: [{ id: "cv-period2", name: "Blok 3", start: day(30), end: day(120) }],
  });
  await seedCourse(db, {
    id: "cv-course3",
    name: "Data Lab",
    themes: ["data"],
    institution: "cv-wo",
    periods: [{ id: "cv-period3", name: "Blok 3", start: day(30), end: day(120) }],
  });
  await seedTie(db, COORD, TEACHER, 0.6);
  await bumpCatalogueVersion(db);
  dir = mkdtempSync(path.join(tmpdir(), "catalogue-version-"));
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await admin?.http.close();
  await db?.close();
});

describe("the catalogue version", () => {
  it("stays put for the day's workflow: intake (new words too), proposal, answer, match, a case edited, interactions, a tie", async () => {
    let caseId = "";
    expect(await moves(async () => (caseId = await intake()))).toBe(false);
    // A word no topic knows becomes a proposed topic: no course is about it, so the catalogue has nothing to change.
    expect(await moves(() => intake(["cv-onbekend-woord"]))).toBe(false);
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
    expect(await moves(() => ok(coordinator, LOG_ABOUT_COURSE))).toBe(false);
    expect(await moves(() => seedTie(db, COORD, "cv-someone", 0.5))).toBe(false);
  });

  it("keeps the held catalogue through the day's writes, and reads it again after a course is edited", async () => {
    const version = await catalogueVersion();
    const held = await courseCatalogueAt(db, version);
    const caseId = await intake();
    await suggestions(caseId);
    expect(await courseCatalogueAt(db, await catalogueVersion())).toBe(held);
    await ok(admin, RENAME_COURSE, { name: "Data Sprint Plus" });
    expect(await courseCatalogueAt(db, await catalogueVersion())).not.toBe(held);
  });

  it("moves with every write of what the catalogue holds, and the next suggestions show it", async () => {
    const caseId = await intake();
    const before = await suggestions(caseId);
    expect(before.map((s) => s.courseId)).toContain("cv-course");

    // A course renamed through the generated API.
    expect(await moves(() => ok(admin, RENAME_COURSE, { name: "Data Sprint Nieuw" }))).toBe(true);
    expect((await suggestions(caseId)).find((s) => s.courseId === "cv-course")?.courseName).toBe("Data Sprint Nieuw");

    // A course's topics changed (its words linked again in the same request).
    expect((await suggestions(caseId)).map((s) => s.courseId)).not.toContain("cv-course2");
    expect(await moves(() => ok(admin, COURSE_TOPICS))).toBe(true);
    expect((await suggestions(caseId)).map((s) => s.courseId)).toContain("cv-course2");

    // A teaching period moved.
    expect(await moves(() => ok(admin, MOVE_PERIOD))).toBe(true);
    expect((await suggestions(caseId)).find((s) => s.courseId === "cv-course")?.periodStart).toBe(day(20));

    // An institution's kind (its courses' level).
    expect((await suggestions(caseId)).find((s) => s.courseId === "cv-course3")?.courseLevels).toEqual(["WO"]);
    expect(await moves(() => ok(admin, INSTITUTION_KIND))).toBe(true);
    expect((await suggestions(caseId)).find((s) => s.courseId === "cv-course3")?.courseLevels).toEqual(["HBO"]);

    // A spreadsheet import of courses.
    writeFileSync(
      path.join(dir, "courses.csv"),
      `id,name,kind,programmeId,themes\ncv-course4,Data Import,PROJECT,prog-cv-hbo,data\n`,
    );
    expect(await moves(() => importSpreadsheets(db, dir))).toBe(true);
    rmSync(path.join(dir, "courses.csv"));
    expect((await suggestions(caseId)).map((s) => s.courseId)).toContain("cv-course4");

    // A course made outside the API (a Cypher shell, a fixture): the count store's number of courses moves the version.
    expect(
      await moves(() => seedCourse(db, { id: "cv-course5", name: "Data Buiten", themes: ["data"], institution: "cv-hbo" })),
    ).toBe(true);
    expect((await suggestions(caseId)).map((s) => s.courseId)).toContain("cv-course5");
  });

  it("falls back to the graph version when the CatalogueVersion node is gone (a wiped graph), so any write counts", async () => {
    await db.write("MATCH (v:CatalogueVersion) DELETE v");
    expect(await catalogueVersion()).toBeNull();
    const caseId = await intake();
    const held = await courseCatalogueAt(db, null);
    await intake();
    expect(await courseCatalogueAt(db, null)).not.toBe(held);
    expect((await suggestions(caseId)).map((s) => s.courseId)).toContain("cv-course");
    await bumpCatalogueVersion(db);
    expect(await catalogueVersion()).not.toBeNull();
  });
});

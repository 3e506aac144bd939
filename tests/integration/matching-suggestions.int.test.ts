import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/platform/neo4j/database.js";
import { connectTestDatabase, resetGraph } from "../helpers/neo4j.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import {
  day,
  instant,
  ok,
  refused,
  seedCase,
  seedCourse,
  seedInstitution,
  seedTie,
  seedWorkspace,
  type CourseSpec,
} from "./cases-graph-fixtures.js";

/**
 * caseSuggestions on a hand-built graph where each course differs from the ideal one ("A Fits") in
 * exactly one factor, so every score below is worked out by hand from docs/case-workflow.md:
 *
 *   weights (PRE_EFFORT_WEIGHTS): topic 0.30, level 0.15, timing 0.20, capacity 0.15, track record 0.10, warm path 0.10,
 *   effort fit 0 (a SPRINT case and PROJECT courses: effort fit 1 everywhere, so it would only shift every total)
 *   a teacher without history has track record 0.35 (0.4·½ + 0.3·0 + 0.3·½), so contributes 0.035
 *
 * The case: topics Data + web, HBO wanted, earliest start in 30 days, deadline in 150 days.
 */
let db: Database;
let server: TestServer;

const COORD = "coord";
const QUERY = `query($case: ID!, $limit: Int, $weights: SuggestionWeightsInput, $language: Language) {
  caseSuggestions(case: $case, limit: $limit, weights: $weights, language: $language) {
    courseId courseName teacherId score verdict reason reasonNl reasonEn sharedTopics remainingPlaces hasAgreement
    warmPathStrength warmPathHops proposedToTeacher periodId periodEnd programmeId programmeName institutionId institutionName
    factors { factor score weight contribution detail }
  } }`;

interface Suggestion {
  courseId: string;
  courseName: string;
  teacherId: string | null;
  score: number;
  verdict: string;
  reason: string;
  reasonNl: string;
  reasonEn: string;
  sharedTopics: string[];
  remainingPlaces: number | null;
  hasAgreement: boolean;
  warmPathStrength: number | null;
  warmPathHops: number | null;
  proposedToTeacher: boolean;
  periodId: string | null;
  periodEnd: string | null;
  programmeId: string | null;
  programmeName: string | null;
  institutionId: string | null;
  institutionName: string | null;
  factors: Array<{ factor: string; score: number; weight: number; contribution: number; detail: string }>;
}

/**
 * The weights before effort fit (issue #15), on top of today's defaults: these hand-worked scores are about the other
 * six factors (effort fit has its own tests: tests/unit/matching-effort-fit.test.ts, vocabulary-topics.int.test.ts).
 */
const PRE_EFFORT_WEIGHTS = { remainingCapacity: 0.15, trackRecord: 0.1, warmPath: 0.1, effortFit: 0 };

async function suggestions(variables: Record<string, unknown> = {}): Promise<Suggestion[]> {
  const weights = { ...PRE_EFFORT_WEIGHTS, ...(variables.weights as Record<string, number> | undefined) };
  return (await ok<{ caseSuggestions: Suggestion[] }>(server, QUERY, { case: "K", limit: 20, ...variables, weights }))
    .caseSuggestions;
}

function factor(s: Suggestion | undefined, name: string): number | undefined {
  return s?.factors.find((f) => f.factor === name)?.score;
}

/** A date as the reasons write it in English (score-suggestion.ts `wording`): "7 Sept 2026". */
function shown(iso: string): string {
  const format = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  return format.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
}

const inWindow = { start: day(40), end: day(100) };

/** Course `id` ("A" …), HBO, themes data + web, its own period in the window, a teacher, 2 places agreed. */
function course(id: string, name: string, overrides: Partial<CourseSpec> = {}): CourseSpec {
  return {
    id,
    name,
    themes: ["data", "web"],
    institution: "hbo",
    teachers: [`t${id}`],
    periods: [{ id: `P${id}`, name: `Blok ${id}`, ...inWindow }],
    agreement: { casesPerPeriod: 2 },
    ...overrides,
  };
}

beforeAll(async () => {
  db = await connectTestDatabase();
  await resetGraph(db);
  server = await startTestServer(db);
  await seedWorkspace(db, { id: "ws", coordinators: [{ id: COORD, name: "Carla" }] });
  await seedInstitution(db, { id: "hbo", kind: "HBO" });
  await seedInstitution(db, { id: "wo", kind: "WO" });

  const courses: CourseSpec[] = [
    course("A", "A Fits"),
    // Its only period starts before the case's earliest start, and so also closes before the deadline.
    course("B", "B Started early", { periods: [{ id: "PB", name: "Blok B", start: day(10), end: day(70) }] }),
    course("C", "C Ends late", { periods: [{ id: "PC", name: "Blok C", start: day(60), end: day(200) }] }),
    course("D", "D Half topics", { themes: ["Data", "databases"] }),
    course("E", "E WO", { institution: "wo" }),
    course("F", "F Full", { agreement: { casesPerPeriod: 1 } }),
    course("G", "G No agreement", { agreement: undefined }),
    course("H", "H Unrelated", { themes: ["cooking"] }),
    course("I", "I Warm"),
    course("J", "J Track record", {
      periods: [
        { id: "PJ", name: "Blok J", ...inWindow },
        { id: "Pold", name: "Old", start: day(-200), end: day(-150) },
      ],
    }),
    course("L", "L Five hops"),
    course("M", "M Four hops"),
    course("N", "N Weak tie"),
  ];
  for (const spec of courses) await seedCourse(db, spec);

  await seedCase(db, {
    id: "K",
    title: "Dashboard",
    topics: ["Data", " web "],
    wantedLevels: ["HBO"],
    earliestStart: day(30),
    deadline: day(150),
    coordinator: COORD,
  });

  // F: its one place is taken by another case's planned sprint.
  await seedCase(db, { id: "other", status: "MATCHED" });
  await db.write(
    `MATCH (k:Case {id: 'other'}), (c:Course {id: 'F'}), (p:TeachingPeriod {id: 'PF'})
     CREATE (s:Sprint {id: 'sF', status: 'PLANNED'})-[:FOR_CASE]->(k), (s)-[:IN_COURSE]->(c), (s)-[:IN_PERIOD]->(p)`,
  );
  // J's teacher: three completed sprints rated 5, and two proposals answered → 0.4·¾ + 0.3 + 0.3 = 0.9.
  for (const n of [1, 2, 3]) {
    await seedCase(db, { id: `done${n}`, status: "COMPLETED" });
    await db.write(
      `MATCH (k:Case {id: $case}), (c:Course {id: 'J'}), (p:TeachingPeriod {id: 'Pold'}), (t:Person {id: 'tJ'})
       CREATE (s:Sprint {id: $case + '-s', status: 'COMPLETED', smeRating: 5})-[:FOR_CASE]->(k),
              (s)-[:IN_COURSE]->(c), (s)-[:IN_PERIOD]->(p), (s)-[:SUPERVISED_BY]->(t)`,
      { case: `done${n}` },
    );
  }
  await db.write(
    `MATCH (t:Person {id: 'tJ'}), (c:Course {id: 'J'}) UNWIND ['done1', 'done2'] AS caseId MATCH (k:Case {id: caseId})
     CREATE (p:Proposal {id: 'pr-' + caseId, sentAt: datetime($sent), expiresAt: datetime($expires), channel: 'EMAIL',
                         answer: 'INTERESTED', answeredAt: datetime($sent)})
     CREATE (p)-[:OF_CASE]->(k), (p)-[:TO_TEACHER]->(t), (p)-[:FOR_COURSE]->(c)`,
    { sent: instant(-300), expires: instant(-286) },
  );
  // C's teacher already has this case (an open proposal: it does not count for the track record).
  await db.write(
    `MATCH (t:Person {id: 'tC'}), (c:Course {id: 'C'}), (k:Case {id: 'K'})
     CREATE (p:Proposal {id: 'pr-K-C', sentAt: datetime($sent), expiresAt: datetime($expires), channel: 'PHONE'})
     CREATE (p)-[:OF_CASE]->(k), (p)-[:TO_TEACHER]->(t), (p)-[:FOR_COURSE]->(c)`,
    { sent: instant(-1), expires: instant(13) },
  );

  // Warm paths from the coordinator: I at 2 hops (0.9 · 0.8), M at 4 hops (1 · 1 · 1 · 0.9),
  // L only at 5 hops (too far), N only through a tie of 0.4 (too weak).
  await seedTie(db, COORD, "x1", 0.9);
  await seedTie(db, "x1", "tI", 0.8);
  await seedTie(db, COORD, "m1", 1);
  await seedTie(db, "m1", "m2", 1);
  await seedTie(db, "m2", "m3", 1);
  await seedTie(db, "m3", "tM", 0.9);
  await seedTie(db, COORD, "l1", 1);
  await seedTie(db, "l1", "l2", 1);
  await seedTie(db, "l2", "l3", 1);
  await seedTie(db, "l3", "l4", 1);
  await seedTie(db, "l4", "tL", 1);
  await seedTie(db, COORD, "tN", 0.4);
});

afterAll(async () => {
  await server?.http.close();
  await db?.close();
});

describe("caseSuggestions", () => {
  it("ranks the courses by the hand-computed scores; a course sharing no topic is not suggested", async () => {
    const list = await suggestions();
    expect(list.map((s) => [s.courseName, s.score, s.verdict])).toEqual([
      ["M Four hops", 0.925, "GREAT"],
      ["I Warm", 0.907, "GREAT"],
      ["J Track record", 0.89, "GREAT"],
      ["A Fits", 0.835, "GREAT"],
      ["L Five hops", 0.835, "GREAT"],
      ["N Weak tie", 0.835, "GREAT"],
      ["C Ends late", 0.735, "GOOD"],
      ["G No agreement", expect.closeTo(0.7225, 2), "GOOD"],
      ["D Half topics", 0.685, "GOOD"],
      ["E WO", 0.685, "POOR"],
      ["F Full", 0.685, "FAIR"],
      ["B Started early", 0.485, "POOR"],
    ]);
  });

  it("names each course's programme and institution with their ids, so the client links them to their pages", async () => {
    const list = await suggestions();
    const place = (id: string) => {
      const s = list.find((x) => x.courseId === id);
      return [s?.programmeId, s?.programmeName, s?.institutionId, s?.institutionName];
    };
    expect(place("E")).toEqual(["prog-wo", "Programme wo", "wo", "Institution wo"]);
    expect(place("A")).toEqual(["prog-hbo", "Programme hbo", "hbo", "Institution hbo"]);
  });

  it("ranks a course whose only period closes before the deadline but starts before the earliest start below one that fits", async () => {
    const list = await suggestions();
    const fits = list.findIndex((s) => s.courseId === "A");
    const early = list.findIndex((s) => s.courseId === "B");
    expect(early).toBeGreaterThan(fits);
    const b = list[early];
    expect(factor(b, "timing")).toBe(0);
    expect(b?.periodId).toBeNull();
    expect(b?.reasonEn).toBe(`Poor fit: no teaching period starts between ${shown(day(30))} and ${shown(day(150))}.`);
    // A period that starts in the window but ends after the deadline counts half.
    const c = list.find((s) => s.courseId === "C");
    expect(factor(c, "timing")).toBe(0.5);
    expect(c?.periodEnd).toBe(day(200));
  });

  it("breaks the ideal course's score down by factor", async () => {
    const a = (await suggestions()).find((s) => s.courseId === "A");
    expect(a?.factors.map((f) => [f.factor, f.score, f.weight, f.contribution])).toEqual([
      ["topicOverlap", 1, 0.3, 0.3],
      ["levelFit", 1, 0.15, 0.15],
      ["timing", 1, 0.2, 0.2],
      ["remainingCapacity", 1, 0.15, 0.15],
      ["trackRecord", 0.35, 0.1, 0.035],
      ["warmPath", 0, 0.1, 0],
      ["effortFit", 1, 0, 0],
    ]);
    expect(a).toMatchObject({
      sharedTopics: ["data", "web"],
      remainingPlaces: 2,
      hasAgreement: true,
      teacherId: "tA",
      periodId: "PA",
    });
    expect(a?.reasonEn).toBe(
      `Great fit: 2 of 2 topics match (data, web) and Blok A runs ${shown(day(40))} to ${shown(day(100))}, inside the window; but no warm path to the teacher.`,
    );
  });

  it("scores topic overlap, level, capacity and agreement one factor at a time", async () => {
    const list = await suggestions();
    const by = (id: string): Suggestion | undefined => list.find((s) => s.courseId === id);
    expect(factor(by("D"), "topicOverlap")).toBe(0.5);
    expect(by("D")?.sharedTopics).toEqual(["data"]);
    expect(factor(by("E"), "levelFit")).toBe(0);
    expect(by("E")?.reasonEn).toBe("Poor fit: the course is WO while HBO is wanted.");
    expect(factor(by("F"), "remainingCapacity")).toBe(0);
    expect(by("F")?.remainingPlaces).toBe(0);
    expect(factor(by("G"), "remainingCapacity")).toBe(0.25);
    expect(by("G")?.hasAgreement).toBe(false);
    expect(list.some((s) => s.courseId === "H")).toBe(false);
  });

  it("scores the teacher's track record and marks a teacher who already has the case", async () => {
    const list = await suggestions();
    expect(
      factor(
        list.find((s) => s.courseId === "J"),
        "trackRecord",
      ),
    ).toBe(0.9);
    expect(list.find((s) => s.courseId === "C")?.proposedToTeacher).toBe(true);
    expect(list.find((s) => s.courseId === "A")?.proposedToTeacher).toBe(false);
  });

  it("finds warm paths of strong ties up to four hops, and no further or weaker ones", async () => {
    const list = await suggestions();
    const warm = (id: string): [number | null, number | null] | undefined => {
      const s = list.find((x) => x.courseId === id);
      return s ? [s.warmPathStrength, s.warmPathHops] : undefined;
    };
    expect(warm("I")?.[0]).toBeCloseTo(0.72, 10);
    expect(warm("I")?.[1]).toBe(2);
    expect(warm("M")).toEqual([0.9, 4]);
    expect(warm("L")).toEqual([null, null]);
    expect(warm("N")).toEqual([null, null]);
  });

  it("gives the same top courses with a small limit (pruning in the database loses nothing)", async () => {
    const all = await suggestions();
    const top3 = await suggestions({ limit: 3 });
    expect(top3.map((s) => [s.courseId, s.score])).toEqual(all.slice(0, 3).map((s) => [s.courseId, s.score]));
    const top1 = await suggestions({ limit: 1 });
    expect(top1.map((s) => s.courseId)).toEqual(["M"]);
  });

  it("takes weights per query, scaled to sum to 1", async () => {
    const list = await suggestions({ weights: { trackRecord: 0, warmPath: 0 } });
    // Without the teacher factors, A, I, J, L, M and N are all perfect; ties go by name.
    expect(list.slice(0, 6).map((s) => [s.courseId, s.score])).toEqual([
      ["A", 1],
      ["I", 1],
      ["J", 1],
      ["L", 1],
      ["M", 1],
      ["N", 1],
    ]);
    expect(list[0]?.factors.find((f) => f.factor === "topicOverlap")?.weight).toBe(0.375);
  });

  it("writes the reason in Dutch on request, and always offers both", async () => {
    const [first] = await suggestions({ language: "NL", limit: 1 });
    expect(first?.reason).toBe(first?.reasonNl);
    expect(first?.reasonNl).toMatch(/^Zeer goede match: /);
    expect(first?.reasonEn).toMatch(/^Great fit: /);
  });

  it("refuses an unknown case, a bad limit and a negative weight", async () => {
    expect((await refused(server, QUERY, { case: "nope" })).extensions).toMatchObject({ code: "NOT_FOUND", field: "case" });
    expect((await refused(server, QUERY, { case: "K", limit: 0 })).extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "limit",
    });
    expect((await refused(server, QUERY, { case: "K", weights: { timing: -1 } })).extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "weights.timing",
    });
  });

  it("suggests nothing for a case without topics", async () => {
    await seedCase(db, { id: "empty", topics: [] });
    expect(await suggestions({ case: "empty" })).toEqual([]);
  });
});

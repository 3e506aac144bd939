import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readAgreementTerms } from "../../server/domains/agreements/index.js";
import { readCourseFits, type CourseFitQuery } from "../../server/domains/suggestions/read-course-fits.js";
import { suggestCourses } from "../../server/domains/suggestions/suggest-courses.js";
import type { CaseFitFacts } from "../../server/domains/suggestions/course-catalogue.js";
import { courseCatalogueAt } from "../../server/domains/suggestions/held-course-catalogue.js";
import { readHeldCourseFits } from "../../server/domains/suggestions/read-held-course-fits.js";
import { READ_CASE_FIT_FACTS } from "../../server/domains/suggestions/statements.js";
import { matchingSettingsFrom } from "../../server/domains/suggestions/matching-settings.js";
import { todayIso, nowIso } from "../../server/platform/clock/read-clock.js";
import { loadConfig } from "../../server/platform/config.js";
import { Language } from "../../server/platform/model/graph-enums.js";
import type { Database } from "../../server/platform/neo4j/database.js";
import { connectTestDatabase, resetGraph } from "../helpers/neo4j.js";
import { day, seedAgreement, seedCase, seedCourse, seedInstitution } from "./cases-graph-fixtures.js";
import { seededRandom } from "./network-fixtures.js";

/**
 * The structural statement's bounded way (issue #19, round two: readCourseFitsStatement "bounded") reads the periods,
 * agreements and sprints only of the courses that can still be kept, and must keep exactly the rows the way before
 * ("every": every course that shares a topic weighed) keeps: the same courses, order, scores and places, for every case
 * and every limit, number kept and number weighed first. On a small hand-built graph with a known answer where the floor
 * decides (a course of the highest bound with no period in the window), then on a generated one (seeded) with courses at
 * three levels, agreements on courses, programmes and institutions (limits, no limit, expired, not yet valid), periods
 * in and out of the window and sprints counted against the limits.
 */
let db: Database;
const settings = matchingSettingsFrom(loadConfig());

beforeAll(async () => {
  db = await connectTestDatabase();
  await resetGraph(db);
});

afterAll(async () => {
  await db?.close();
});

async function fits(query: Omit<CourseFitQuery, "terms" | "today" | "weights">) {
  return db.readEach(async (tx) =>
    readCourseFits(tx, { ...query, today: todayIso(), weights: settings.weights, terms: await readAgreementTerms(tx) }),
  );
}

/** One case's fits over the held course catalogue, at the version the case's read gives (as suggestCourses reads them). */
async function held(caseId: string, limit: number, maxCandidates: number) {
  const [facts] = await db.read(READ_CASE_FIT_FACTS, { caseId, today: todayIso() });
  const catalogue = await courseCatalogueAt(db, (facts!.catalogueVersion as string | null) ?? null);
  return db.readEach(async (tx) =>
    readHeldCourseFits(tx, catalogue, {
      facts: facts as unknown as CaseFitFacts,
      weights: settings.weights,
      limit,
      maxCandidates,
    }),
  );
}

/** The three ways on the same question: the same rows (whole objects, in order); the rows. */
async function same(caseIds: string[], limit: number, maxCandidates: number, weighFirst: number) {
  const every = await fits({ cases: { caseIds }, courses: "all", limit, maxCandidates });
  const bounded = await fits({ cases: { caseIds }, courses: "all", limit, maxCandidates, weighFirst });
  const byCase = (rows: typeof every) => caseIds.map((id) => rows.filter((r) => r.caseId === id));
  const question = JSON.stringify({ caseIds, limit, maxCandidates, weighFirst });
  expect(byCase(bounded), question).toEqual(byCase(every));
  const heldRows = [];
  for (const caseId of caseIds) heldRows.push(await held(caseId, limit, maxCandidates));
  expect(heldRows, `held: ${question}`).toEqual(byCase(every));
  return bounded;
}

describe("a known answer the floor decides", () => {
  // Default weights: topic 0.3, level 0.15, timing 0.2, capacity 0.1. The case wants HBO, window day 30 to day 150.
  // Bounds (timing 1; capacity 1 under an agreement's terms, else 0.25) and partials:
  //   D (HBO, agreement, its only period after the deadline) bound 0.75, partial 0.45
  //   E (HBO, agreement without a limit, period in the window) bound 0.75, partial 0.75
  //   A, B (HBO, no agreement, period in the window)           bound 0.675, partial 0.675
  //   C (WO, agreement without a limit, period in the window)  bound 0.6, partial 0.6
  // Kept 2, weighed first 2 (D and E): the floor is D's 0.45, so A, B and C are weighed too, and E, A are kept.
  beforeAll(async () => {
    await seedInstitution(db, { id: "bf-hbo", kind: "HBO" });
    await seedInstitution(db, { id: "bf-wo", kind: "WO" });
    const inWindow = [{ id: "bf-p-in", start: day(40), end: day(100) }];
    await seedCourse(db, { id: "bf-a", name: "Bounded A", themes: ["bounded-word"], institution: "bf-hbo", periods: inWindow });
    await seedCourse(db, { id: "bf-b", name: "Bounded B", themes: ["bounded-word"], institution: "bf-hbo", periods: inWindow });
    await seedCourse(db, {
      id: "bf-c",
      name: "Bounded C",
      themes: ["bounded-word"],
      institution: "bf-wo",
      periods: [{ id: "bf-p-wo", start: day(40), end: day(100) }],
      agreement: { casesPerPeriod: null },
    });
    await seedCourse(db, {
      id: "bf-d",
      name: "Bounded D",
      themes: ["bounded-word"],
      institution: "bf-hbo",
      periods: [{ id: "bf-p-late", start: day(200), end: day(260) }],
      agreement: { casesPerPeriod: 3 },
    });
    await seedCourse(db, {
      id: "bf-e",
      name: "Bounded E",
      themes: ["bounded-word"],
      institution: "bf-hbo",
      periods: inWindow,
      agreement: { casesPerPeriod: null },
    });
    await seedCase(db, {
      id: "bf-k",
      topics: ["bounded-word"],
      wantedLevels: ["HBO"],
      earliestStart: day(30),
      deadline: day(150),
    });
  });

  it("keeps E and A, as weighing every course does, however many are weighed first", async () => {
    for (const weighFirst of [2, 3, 4, 5, 100]) {
      const rows = await same(["bf-k"], 1, 2, weighFirst);
      expect(rows.map((r) => r.courseId)).toEqual(["bf-e", "bf-a"]);
    }
    const all = await same(["bf-k"], 1, 50, 50);
    expect(
      all.map((r) => [
        r.courseId,
        Math.round((0.3 * r.topicScore + 0.15 * r.levelScore + 0.2 * r.timingScore + 0.1 * r.capacityScore) * 1000),
      ]),
    ).toEqual([
      ["bf-e", 750],
      ["bf-a", 675],
      ["bf-b", 675],
      ["bf-c", 600],
    ]);
  });
});

describe("a generated graph (seeded)", () => {
  const random = seededRandom(1907);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const words = ["gen-data", "gen-web", "gen-zorg", "gen-energie", "gen-logistiek"];
  const caseIds: string[] = [];

  beforeAll(async () => {
    const kinds = ["WO", "HBO", "MBO", "HBO", "WO", "MBO"] as const;
    const institutions = kinds.map((kind, i) => ({ id: `gen-i${i}`, kind }));
    for (const i of institutions) await seedInstitution(db, i);
    // Agreements on two programmes and one institution: their courses' capacity bound is 1.
    await seedAgreement(db, { id: "gen-agr-prog-1", covers: { label: "Programme", id: "prog-gen-i1" }, casesPerPeriod: 2 });
    await seedAgreement(db, { id: "gen-agr-prog-4", covers: { label: "Programme", id: "prog-gen-i4" }, casesPerPeriod: null });
    await seedAgreement(db, {
      id: "gen-agr-inst-2",
      covers: { label: "Institution", id: "gen-i2" },
      casesPerPeriod: 1,
      validFrom: day(60),
    });
    for (let n = 0; n < 70; n++) {
      const institution = pick(institutions).id;
      const periods = Array.from({ length: Math.floor(random() * 3) }, (_, p) => {
        const start = Math.floor(random() * 220) - 20;
        return { id: `gen-p${n}-${p}`, start: day(start), end: day(start + 30 + Math.floor(random() * 90)) };
      });
      const agreementKind = random();
      await seedCourse(db, {
        id: `gen-c${String(n).padStart(2, "0")}`,
        // Some names alike, so that the name and then the id break ties.
        name: `Course ${pick(["Alfa", "Beta", "Gamma", "Delta"])}`,
        themes: [...new Set([pick(words), pick(words), ...(random() < 0.3 ? [pick(words)] : [])])],
        institution,
        periods,
        ...(agreementKind < 0.35
          ? {
              agreement: {
                casesPerPeriod: pick([null, 0, 1, 2, 3]),
                validFrom: pick([day(-100), day(50)]),
                validTo: pick([null, day(90), day(-5)]),
              },
            }
          : {}),
      });
      // Sprints counted against a limit (cancelled ones are not).
      for (const period of periods) {
        for (let s = 0; s < Math.floor(random() * 3); s++) {
          await db.write(
            `MATCH (c:Course {id: $course}), (p:TeachingPeriod {id: $period})
             CREATE (c)<-[:IN_COURSE]-(:Sprint {id: $id, status: $status})-[:IN_PERIOD]->(p)`,
            {
              course: `gen-c${String(n).padStart(2, "0")}`,
              period: period.id,
              id: `gen-s${n}-${period.id}-${s}`,
              status: pick(["PLANNED", "ACTIVE", "CANCELLED"]),
            },
          );
        }
      }
    }
    for (let k = 0; k < 8; k++) {
      const id = `gen-k${k}`;
      caseIds.push(id);
      await seedCase(db, {
        id,
        topics: [...new Set([pick(words), ...(random() < 0.6 ? [pick(words)] : []), ...(random() < 0.3 ? [pick(words)] : [])])],
        wantedLevels: pick([[], ["HBO"], ["WO", "MBO"], ["MBO"]]),
        earliestStart: pick([null, day(10), day(40)]),
        deadline: pick([null, day(120), day(200)]),
      });
    }
  });

  it("keeps the same rows for every case, limit, number kept and number weighed first", async () => {
    let kept = 0;
    for (const caseId of caseIds) {
      for (const [limit, maxCandidates] of [
        [1, 1],
        [1, 3],
        [2, 5],
        [3, 10],
        [10, 50],
      ] as const) {
        for (const weighFirst of [maxCandidates, maxCandidates + 2, 2 * maxCandidates, 100]) {
          kept += (await same([caseId], limit, maxCandidates, weighFirst)).length;
        }
      }
    }
    // The cases found courses (not a comparison of empty answers).
    expect(kept).toBeGreaterThan(100);
  });

  it("keeps the same rows for several cases in one statement", async () => {
    await same(caseIds, 2, 5, 5);
    await same(caseIds, 10, 50, 100);
  });

  it("gives the same suggestions (whole objects) as weighing every course, bounded and over the held catalogue", async () => {
    const now = nowIso();
    let suggested = 0;
    for (const caseId of caseIds) {
      for (const limit of [1, 3, 10]) {
        const input = { caseId, limit, language: Language.EN, now, settings };
        const every = await suggestCourses(db, { ...input, weighing: "every" });
        expect(await suggestCourses(db, { ...input, weighing: "bounded" })).toEqual(every);
        expect(await suggestCourses(db, input)).toEqual(every);
        suggested += every.length;
      }
    }
    expect(suggested).toBeGreaterThan(50);
  });

  it("matches broader and narrower topics the same way", async () => {
    // The five words' topics in a small tree: t1 and t2 under t0, t3 under t1, t4 under t2 and t0 (a DAG).
    const topics = (
      await db.read(`MATCH (c:Course)-[:ABOUT]->(t:Topic) WHERE c.id STARTS WITH 'gen-c' RETURN DISTINCT t.id AS id ORDER BY id`)
    ).map((r) => String(r.id));
    expect(topics).toHaveLength(5);
    const links = [
      [1, 0],
      [2, 0],
      [3, 1],
      [4, 2],
      [4, 0],
    ];
    await db.write(`UNWIND $links AS l MATCH (a:Topic {id: l[0]}), (b:Topic {id: l[1]}) MERGE (a)-[:BROADER]->(b)`, {
      links: links.map(([a, b]) => [topics[a!], topics[b!]]),
    });
    try {
      let neighbours = 0;
      for (const caseId of caseIds) {
        for (const [limit, maxCandidates] of [
          [1, 3],
          [3, 10],
          [10, 50],
        ] as const) {
          const rows = await same([caseId], limit, maxCandidates, 2 * maxCandidates);
          neighbours += rows.filter((r) => r.topicMatches.some((m) => m.relation !== "SAME")).length;
        }
        const input = { caseId, limit: 10, language: Language.EN, now: nowIso(), settings };
        expect(await suggestCourses(db, input)).toEqual(await suggestCourses(db, { ...input, weighing: "every" }));
      }
      // Neighbours were found (not a comparison of same-topic matches only).
      expect(neighbours).toBeGreaterThan(10);
    } finally {
      await db.write(`MATCH (:Topic)-[r:BROADER]->(:Topic) DELETE r`);
    }
  });
});

import { describe, expect, it } from "vitest";
import { CourseCatalogue, heldCourse, type CaseFitFacts } from "../../server/domains/suggestions/course-catalogue.js";
import { CANDIDATES_PER_SLICE, readHeldCourseFits } from "../../server/domains/suggestions/read-held-course-fits.js";
import { DEFAULT_SUGGESTION_WEIGHTS } from "../../server/domains/suggestions/suggestion-weights.js";
import type { Tx } from "../../server/platform/neo4j/database.js";

/**
 * The held catalogue's scoring runs on the API's thread (read-held-course-fits.ts): at XL a case has up to 70,000
 * candidates, so it gives way to the event loop every CANDIDATES_PER_SLICE of them. Checked here on a catalogue built in
 * memory whose courses have no agreement's limit, so no sprint is counted and the transaction is never used (the rows
 * themselves are compared with Neo4j's statement in tests/integration/suggestions-bounded-fits.int.test.ts).
 */
const period = { id: "tp-1", name: "Blok 1", startDate: "2027-02-01", endDate: "2027-04-01" };

function catalogue(courses: number): CourseCatalogue {
  const rows = Array.from({ length: courses }, (_, i) =>
    heldCourse(
      {
        id: `c-${String(i).padStart(5, "0")}`,
        name: `Vak ${i % 97}`,
        kind: null,
        key: `4:x:${i}`,
        topics: i % 3 === 0 ? ["t-a", "t-b"] : ["t-a"],
        places: [
          {
            programme: "P",
            programmeId: "p-1",
            programmeKey: "4:x:p",
            institution: "I",
            institutionId: "i-1",
            institutionKey: "4:x:i",
            kind: i % 2 === 0 ? "HBO" : "MBO",
          },
        ],
        periodIds: ["tp-1"],
      },
      new Map([[period.id, period]]),
      {},
    ),
  );
  const topic = (id: string) => ({ id, labelNl: id, labelEn: id, broader: [] });
  return new CourseCatalogue(rows, [topic("t-a"), topic("t-b")], "catalogue:test");
}

const facts: CaseFitFacts = {
  caseId: "case-1",
  topics: [
    { id: "t-a", word: "a" },
    { id: "t-b", word: "b" },
  ],
  windowStart: "2027-01-01",
  windowEnd: "2027-06-01",
  wanted: ["HBO"],
  effort: null,
};

const noSprintsCounted: Tx = {
  run: () => Promise.reject(new Error("no course has a limit: no sprint is counted")),
};

describe("the held catalogue's scoring gives way to the event loop", () => {
  it("lets other work run between slices of candidates, and keeps the statement's order", async () => {
    const courses = 6 * CANDIDATES_PER_SLICE + 17;
    const held = catalogue(courses);
    expect(held.matches(facts, held.matchOptions(facts)).order).toHaveLength(courses);
    let turns = 0;
    let done = false;
    const tick = (): void => {
      if (done) return;
      turns += 1;
      setImmediate(tick);
    };
    setImmediate(tick);
    const query = { facts, weights: DEFAULT_SUGGESTION_WEIGHTS, limit: 10, maxCandidates: 50 };
    const rows = await readHeldCourseFits(noSprintsCounted, held, query);
    done = true;
    // One turn of the event loop at least per full slice: other requests were answered in between.
    expect(turns).toBeGreaterThanOrEqual(6);
    expect(rows).toHaveLength(50);
    // The best: about both topics and of a wanted level (i % 6 === 0), by name then id among equal scores.
    expect(rows[0]).toMatchObject({ topicScore: 1, levelScore: 1, courseName: "Vak 0", courseId: "c-00000" });
    // In the whole order: partial scores never rising, then names, then ids (readCourseFitsStatement's ORDER BY).
    const w = DEFAULT_SUGGESTION_WEIGHTS;
    const partial = (r: (typeof rows)[number]) =>
      w.topicOverlap * r.topicScore +
      w.levelFit * r.levelScore +
      w.timing * r.timingScore +
      w.remainingCapacity * r.capacityScore;
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1]!, rows[i]!];
      expect(
        partial(a) > partial(b) ||
          (partial(a) === partial(b) && `${a.courseName} ${a.courseId}` < `${b.courseName} ${b.courseId}`),
      ).toBe(true);
    }
  });
});

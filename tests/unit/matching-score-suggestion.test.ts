import { describe, expect, it } from "vitest";
import { DomainError } from "../../server/platform/graphql/domain-error.js";
import { Language } from "../../server/platform/model/graph-enums.js";
import {
  bestTeacher,
  describeTopicMatch,
  scoreSuggestion,
  trackRecordScore,
  verdictFor,
  type CourseFit,
  type TeacherSignals,
} from "../../server/domains/suggestions/score-suggestion.js";
import {
  DEFAULT_SUGGESTION_WEIGHTS,
  parseWeightsSetting,
  resolveWeights,
} from "../../server/domains/suggestions/suggestion-weights.js";

const weights = resolveWeights({ ...DEFAULT_SUGGESTION_WEIGHTS });

const fit: CourseFit = {
  caseId: "k1",
  courseId: "c1",
  courseName: "Data Sprint",
  courseKind: "PROJECT",
  institutionName: "Hogeschool X",
  institutionId: "i1",
  programmeName: "HBO-ICT",
  programmeId: "p1",
  courseLevels: ["HBO"],
  wantedLevels: ["HBO"],
  topicCount: 2,
  // The case typed "data" and "webshop"; the course is about the same two topics.
  topicMatches: [
    {
      caseTopicId: "data",
      caseWord: "data",
      courseTopicId: "data",
      courseTopicNl: "data",
      courseTopicEn: "data",
      relation: "SAME",
      credit: 1,
    },
    {
      caseTopicId: "web-shop",
      caseWord: "webshop",
      courseTopicId: "web-shop",
      courseTopicNl: "webshop",
      courseTopicEn: "web shop",
      relation: "SAME",
      credit: 1,
    },
  ],
  topicScore: 1,
  effort: "SPRINT",
  effortScore: 1,
  levelScore: 1,
  windowStart: "2026-09-01",
  windowEnd: "2027-01-31",
  period: { id: "p1", name: "Blok 1", startDate: "2026-09-07", endDate: "2026-11-06" },
  timingScore: 1,
  capacityScore: 1,
  hasAgreement: true,
  casesPerPeriod: 3,
  usedPlaces: 0,
  remainingPlaces: 3,
};

const newcomer: TeacherSignals = {
  teacherId: "t1",
  teacherName: "Tessa",
  answered: 0,
  expired: 0,
  completedSprints: 0,
  averageRating: null,
  warmPathStrength: null,
  warmPathHops: null,
};

describe("trackRecordScore", () => {
  it("starts a newcomer at 0.4·0.5 + 0 + 0.3·0.5 = 0.35", () => {
    expect(trackRecordScore(newcomer)).toBe(0.35);
  });
  it("counts replies, completed sprints (three count fully) and ratings", () => {
    // replies (4+1)/(4+0+2) = 5/6; sprints 3/3; rating (5-1)/4 = 1 → 0.4·5/6 + 0.3 + 0.3 = 0.9333
    expect(trackRecordScore({ answered: 4, expired: 0, completedSprints: 5, averageRating: 5 })).toBe(0.933);
    // replies (0+1)/(0+4+2) = 1/6; no sprints; rating (2-1)/4 = 0.25 → 0.0667 + 0 + 0.075 = 0.1417
    expect(trackRecordScore({ answered: 0, expired: 4, completedSprints: 0, averageRating: 2 })).toBe(0.142);
  });
});

describe("verdicts", () => {
  it("uses the documented thresholds", () => {
    expect(verdictFor(0.75)).toBe("GREAT");
    expect(verdictFor(0.7499)).toBe("GOOD");
    expect(verdictFor(0.55)).toBe("GOOD");
    expect(verdictFor(0.5499)).toBe("FAIR");
    expect(verdictFor(0.35)).toBe("FAIR");
    expect(verdictFor(0.3499)).toBe("POOR");
  });
});

describe("scoreSuggestion", () => {
  it("sums weight × score per factor; contributions add up to the total", () => {
    const s = scoreSuggestion(fit, newcomer, weights, Language.EN);
    // 0.3 + 0.15 + 0.2 + 0.1 + 0.08·0.35 + 0.07·0 + 0.1·1 = 0.878
    expect(s.total).toBe(0.878);
    expect(s.verdict).toBe("GREAT");
    expect(s.factors.map((f) => f.factor)).toEqual([
      "topicOverlap",
      "levelFit",
      "timing",
      "remainingCapacity",
      "trackRecord",
      "warmPath",
      "effortFit",
    ]);
    expect(s.factors.reduce((a, f) => a + f.contribution, 0)).toBeCloseTo(s.total, 2);
    expect(s.reason).toBe(
      "Great fit: 2 of 2 topics match (data, web shop (yours: webshop)) and Blok 1 runs 7 Sept 2026 to 6 Nov 2026, inside the window; but no warm path to the teacher.",
    );
  });

  it("writes the sentence in Dutch on request", () => {
    const s = scoreSuggestion(fit, newcomer, weights, Language.NL);
    expect(s.reason).toBe(
      "Zeer goede match: 2 van 2 onderwerpen passen (data, webshop) en Blok 1 loopt van 7 sep 2026 tot 6 nov 2026, binnen het venster; maar geen warm pad naar de docent.",
    );
  });

  it("counts in words that agree with the number, and writes scores the Dutch way (issue #17)", () => {
    const known = { ...newcomer, answered: 1, expired: 0, completedSprints: 1, warmPathHops: 1, warmPathStrength: 0.8 };
    const nl = scoreSuggestion(fit, known, weights, Language.NL).factors.map((f) => f.detail);
    expect(nl).toContain(`${known.teacherName} beantwoordde 1 van 1 voorstel en rondde 1 sprint af`);
    expect(nl).toContain(`een warm pad van 1 stap (sterkte 0,80) naar ${known.teacherName}`);
    const two = { ...known, answered: 2, completedSprints: 2, warmPathHops: 2 };
    const en = scoreSuggestion(fit, two, weights, Language.EN).factors.map((f) => f.detail);
    expect(en).toContain(`${two.teacherName} answered 2 of 2 proposals and completed 2 sprints`);
    expect(en).toContain(`a warm path of 2 ties (strength 0.80) to ${two.teacherName}`);
  });

  it("makes a course without a period in the window poor, whatever else it has", () => {
    const s = scoreSuggestion({ ...fit, period: null, timingScore: 0, capacityScore: 0 }, newcomer, weights, Language.EN);
    expect(s.total).toBe(0.578);
    expect(s.verdict).toBe("POOR");
    expect(s.reason).toBe("Poor fit: no teaching period starts between 1 Sept 2026 and 31 Jan 2027.");
  });

  it("makes a course at a level not wanted poor", () => {
    const s = scoreSuggestion({ ...fit, courseLevels: ["WO"], levelScore: 0 }, newcomer, weights, Language.EN);
    expect(s.verdict).toBe("POOR");
    expect(s.reason).toBe("Poor fit: the course is WO while HBO is wanted.");
  });

  it("caps a full course at fair", () => {
    const s = scoreSuggestion({ ...fit, remainingPlaces: 0, usedPlaces: 3, capacityScore: 0 }, newcomer, weights, Language.EN);
    expect(s.total).toBe(0.778);
    expect(s.verdict).toBe("FAIR");
  });

  it("ignores a factor whose weight is 0, also as a blocker", () => {
    const noTiming = resolveWeights(DEFAULT_SUGGESTION_WEIGHTS, { timing: 0 });
    const s = scoreSuggestion({ ...fit, period: null, timingScore: 0, capacityScore: 0 }, newcomer, noTiming, Language.EN);
    expect(s.verdict).not.toBe("POOR");
  });
});

describe("bestTeacher", () => {
  it("prefers the teacher with the better track record and warm path", () => {
    const warm: TeacherSignals = { ...newcomer, teacherId: "t2", teacherName: "Wim", warmPathStrength: 0.8, warmPathHops: 1 };
    expect(bestTeacher([newcomer, warm], weights)?.teacherId).toBe("t2");
    expect(bestTeacher([], weights)).toBeNull();
  });
});

describe("weights", () => {
  it("defaults sum to 1", () => {
    expect(Object.values(DEFAULT_SUGGESTION_WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });
  it("merges a query's weights over the server's and scales them to sum to 1", () => {
    const w = resolveWeights({ ...DEFAULT_SUGGESTION_WEIGHTS }, { warmPath: 1.1 });
    // The defaults sum to 1; warmPath 0.07 becomes 1.1, so the sum is 2.03.
    expect(w.warmPath).toBeCloseTo(1.1 / 2.03, 10);
    expect(w.topicOverlap).toBeCloseTo(0.3 / 2.03, 10);
  });
  it("refuses negative weights and all zero", () => {
    expect(() => resolveWeights(DEFAULT_SUGGESTION_WEIGHTS, { timing: -1 })).toThrow(DomainError);
    const zero = { topicOverlap: 0, levelFit: 0, timing: 0, remainingCapacity: 0, trackRecord: 0, warmPath: 0, effortFit: 0 };
    expect(() => resolveWeights(zero)).toThrow(/At least one weight/);
  });
  it("parses the server setting and refuses unknown names", () => {
    expect(parseWeightsSetting("topicOverlap=0.5, warmPath=0")).toEqual({ topicOverlap: 0.5, warmPath: 0 });
    expect(parseWeightsSetting(undefined)).toEqual({});
    expect(() => parseWeightsSetting("luck=1")).toThrow(/SUGGESTION_WEIGHTS/);
  });
});

describe("topic matches (issue #15)", () => {
  const base = {
    caseTopicId: "web-shop",
    caseWord: "webshop",
    courseTopicId: "e-commerce",
    courseTopicNl: "e-commerce",
    courseTopicEn: "e-commerce",
  };
  it("says which topic matched how, in the reader's language", () => {
    expect(describeTopicMatch({ ...base, relation: "BROADER", credit: 0.5 }, Language.EN)).toBe(
      "e-commerce (broader than yours: webshop)",
    );
    expect(describeTopicMatch({ ...base, relation: "BROADER", credit: 0.5 }, Language.NL)).toBe(
      "e-commerce (ruimer dan uw: webshop)",
    );
    const narrower = {
      ...base,
      caseWord: "E-commerce",
      courseTopicNl: "webshop",
      courseTopicEn: "web shop",
      relation: "NARROWER",
      credit: 0.5,
    };
    expect(describeTopicMatch(narrower, Language.EN)).toBe("web shop (narrower than yours: E-commerce)");
    expect(describeTopicMatch({ ...narrower, caseWord: "Web Shop", relation: "SAME", credit: 1 }, Language.EN)).toBe("web shop");
    expect(describeTopicMatch({ ...narrower, caseWord: "web-shop", relation: "SAME", credit: 1 }, Language.EN)).toBe(
      "web shop (yours: web-shop)",
    );
  });
  it("explains effort fit in words", () => {
    const s = scoreSuggestion({ ...fit, courseKind: "INTERNSHIP", effortScore: 0.25 }, newcomer, weights, Language.EN);
    expect(s.factors.find((f) => f.factor === "effortFit")?.detail).toBe("one sprint's work does not suit an internship");
  });
});

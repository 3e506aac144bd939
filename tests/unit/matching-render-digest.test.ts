import { describe, expect, it } from "vitest";
import { renderDigest, type DigestItem } from "../../server/domains/proposals/render-digest.js";
import { SuggestionVerdict } from "../../server/domains/suggestions/matching-enums.js";
import { Language } from "../../server/platform/model/graph-enums.js";

const item: DigestItem = {
  caseId: "k1",
  title: "Webshop for a bakery",
  question: null,
  smeName: "Bakkerij De Graaf",
  smeCity: "Haarlem",
  topics: ["webshop", "data"],
  wantedLevels: ["HBO"],
  effort: "SPRINT",
  earliestStart: "2026-09-01",
  deadline: "2027-01-31",
  courseId: "c1",
  courseName: "Data Sprint",
  periodName: "Blok 1",
  periodStart: "2026-09-07",
  periodEnd: "2026-11-06",
  sharedTopics: ["data"],
  timingScore: 1,
  score: 0.8,
  verdict: SuggestionVerdict.GREAT,
  reason: "Great fit: … a warm path of 2 ties …",
};

describe("renderDigest", () => {
  it("renders an English e-mail with every case, and keeps the coordinator's reason out of it", () => {
    const text = renderDigest({
      teacherName: "Tessa",
      workspaceName: "Werkplaats Test",
      date: "2026-08-15",
      language: Language.EN,
      items: [item, { ...item, caseId: "k2", title: "Bookkeeping" }],
    });
    expect(text.subject).toBe("2 SME cases for your courses (2026-08-15)");
    expect(text.body).toContain("Dear Tessa,");
    expect(text.body).toContain("1. Webshop for a bakery — Bakkerij De Graaf, Haarlem");
    expect(text.body).toContain("2. Bookkeeping");
    expect(text.body).toContain("Course: Data Sprint (Blok 1, from 2026-09-07)");
    expect(text.body).toContain("Topics: webshop, data · Level: HBO · Effort: one sprint");
    expect(text.body).toContain(
      "Why: shares data with your course, and Blok 1 (2026-09-07 – 2026-11-06) fits the SME's planning.",
    );
    expect(text.body).not.toContain("warm path");
    expect(text.body.trimEnd().endsWith("Werkplaats Test")).toBe(true);
  });

  it("renders Dutch, singular", () => {
    const text = renderDigest({
      teacherName: "Tessa",
      workspaceName: "Digitale Werkplaats MKB",
      date: "2026-08-15",
      language: Language.NL,
      items: [item],
    });
    expect(text.subject).toBe("1 casus van mkb-ondernemers voor uw vakken (2026-08-15)");
    expect(text.body).toContain("Beste Tessa,");
    expect(text.body).toContain("Deze vraag van mkb-ondernemers past bij uw vakken en zoekt een studententeam:");
    expect(text.body).toContain("Vak: Data Sprint (Blok 1, vanaf 2026-09-07)");
    expect(text.body).toContain("Omvang: één sprint");
    expect(text.body).toContain("Met vriendelijke groet,");
  });
});

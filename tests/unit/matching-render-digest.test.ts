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

/**
 * Truthful messages (issue #16 part 5): the claim about the planning comes from the suggestions' timing
 * factor, for the three timing cases of docs/case-workflow.md ("The timing example the tests use"): case
 * window day 30 to day 150; A runs day 40–100 (timing 1), B day 10–70 (starts before the window: 0),
 * C day 60–200 (ends after the deadline: 0.5).
 */
describe("the planning claim, from the timing factor", () => {
  const window = { earliestStart: "2026-09-30", deadline: "2027-01-28" };
  const render = (period: { name: string; start: string; end: string }, timingScore: number, language = Language.EN) =>
    renderDigest({
      teacherName: "Tessa",
      workspaceName: "Werkplaats Test",
      date: "2026-09-01",
      language,
      items: [{ ...item, ...window, periodName: period.name, periodStart: period.start, periodEnd: period.end, timingScore }],
    });

  it("A, inside the window: fits the planning", () => {
    const text = render({ name: "Blok A", start: "2026-10-10", end: "2026-12-09" }, 1);
    expect(text.body).toContain("and Blok A (2026-10-10 – 2026-12-09) fits the SME's planning.");
    expect(render({ name: "Blok A", start: "2026-10-10", end: "2026-12-09" }, 1, Language.NL).body).toContain(
      "past in de planning van de ondernemer",
    );
  });

  it("B, starting before the SME can begin: no claim that it fits", () => {
    const text = render({ name: "Blok B", start: "2026-09-10", end: "2026-11-09" }, 0);
    expect(text.body).not.toContain("fits the SME's planning");
    expect(text.body).toContain("no period of your course falls inside the SME's planning yet");
    expect(text.html).not.toContain("fits the SME&#39;s planning");
  });

  it("C, ending after the deadline: said so, not 'within the planning'", () => {
    const text = render({ name: "Blok C", start: "2026-11-29", end: "2027-04-18" }, 0.5);
    expect(text.body).not.toContain("fits the SME's planning");
    expect(text.body).toContain("Blok C (2026-11-29 – 2027-04-18) starts in time but ends after the SME's deadline (2027-01-28)");
    const nl = render({ name: "Blok C", start: "2026-11-29", end: "2027-04-18" }, 0.5, Language.NL);
    expect(nl.body).toContain("eindigt na de deadline van de ondernemer (2027-01-28)");
    expect(nl.body).not.toContain("past in de planning");
  });

  it("escapes what it quotes in the HTML part and carries the answer links", () => {
    const links = new Map([
      ["k1", { interested: "https://x/answer/a", notNow: "https://x/answer/b", declined: "https://x/answer/c" }],
    ]);
    const text = renderDigest({
      teacherName: "Tessa <script>",
      workspaceName: "Werkplaats Test",
      date: "2026-09-01",
      language: Language.EN,
      items: [{ ...item, title: "A & B <b>" }],
      links,
    });
    expect(text.html).toContain("A &amp; B &lt;b&gt;");
    expect(text.html).not.toContain("<script>");
    expect(text.html).toContain('<a href="https://x/answer/a">Interested</a>');
    expect(text.body).toContain("Not for us (say why): https://x/answer/c");
  });
});

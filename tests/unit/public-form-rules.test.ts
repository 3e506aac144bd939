import { describe, expect, it } from "vitest";
import { SubmissionLimiter } from "../../server/platform/limits/limit-submissions.js";
import { titleFromQuestion, validateSubmission } from "../../server/domains/case-workflow/validate-submission.js";
import { CURRENT_CONSENT } from "../../server/domains/case-workflow/consent-texts.js";
import type { QuestionSubmissionInput } from "../../server/domains/case-workflow/public-question-types.js";
import { Language } from "../../server/platform/model/graph-enums.js";

/** The public question form's rules that need no Neo4j (issue #18 part 1; docs/security.md "The public question form"). */
describe("the submission limiter", () => {
  it("allows 5 in 10 minutes and 20 a day per address, says when to come back, and counts refused attempts too", () => {
    let now = 0;
    const limiter = new SubmissionLimiter(
      [
        { limit: 5, windowMs: 10 * 60_000 },
        { limit: 20, windowMs: 24 * 3_600_000 },
      ],
      () => now,
    );
    for (let i = 0; i < 5; i++) expect(limiter.attemptFrom("198.51.100.7").allowed).toBe(true);
    const refused = limiter.attemptFrom("198.51.100.7");
    expect(refused).toMatchObject({ allowed: false, limit: 5 });
    expect(refused.allowed ? 0 : refused.retryAfterSeconds).toBe(600);
    expect(limiter.attemptFrom("198.51.100.8").allowed).toBe(true);

    // Waiting as told lets the next one through.
    now += 600_000;
    expect(limiter.attemptFrom("198.51.100.7").allowed).toBe(true);

    // The day's limit: 20 attempts, then refused until the first of them is a day old.
    const day = new SubmissionLimiter(
      [
        { limit: 5, windowMs: 600_000 },
        { limit: 20, windowMs: 86_400_000 },
      ],
      () => now,
    );
    for (let i = 0; i < 20; i++) {
      expect(day.attemptFrom("2001:db8::1").allowed).toBe(true);
      now += 601_000 / 5; // five per ~10 minutes, just under the short window's limit
    }
    const overDay = day.attemptFrom("2001:db8::1");
    expect(overDay).toMatchObject({ allowed: false, limit: 20 });
  });

  it("counts IPv6 addresses of one /56 network together", () => {
    const limiter = new SubmissionLimiter([{ limit: 1, windowMs: 60_000 }], () => 0);
    expect(limiter.attemptFrom("2001:db8:0:1::1").allowed).toBe(true);
    expect(limiter.attemptFrom("2001:db8:0:2::99").allowed).toBe(false);
  });
});

function input(overrides: Partial<QuestionSubmissionInput> = {}): QuestionSubmissionInput {
  return {
    smeName: " Bakkerij  De Graaf ",
    kvkNumber: "1234 56.78",
    contactName: "Els de Graaf",
    email: "Els@Bakkerij.test",
    question: "Wij willen bestellingen online aannemen.\nHoe pakken we dat aan?",
    topics: ["webshop", "Webshop", " data "],
    language: Language.NL,
    consent: true,
    consentVersion: CURRENT_CONSENT.version,
    formToken: "t",
    ...overrides,
  } as QuestionSubmissionInput;
}

describe("validateSubmission", () => {
  it("makes an intake with no wanted level and no coordinator, the question's first sentence as title, the wording shown", () => {
    const { intake, self, email } = validateSubmission(input());
    expect(intake).toMatchObject({
      sme: { name: "Bakkerij De Graaf", kvkNumber: "12345678" },
      title: "Wij willen bestellingen online aannemen.",
      topics: ["webshop", "data"],
      wantedLevels: [],
      coordinator: null,
    });
    expect(email).toBe("els@bakkerij.test");
    expect(self.consent).toEqual({ version: CURRENT_CONSENT.version, text: CURRENT_CONSENT.nl });
    expect(validateSubmission(input({ language: Language.EN })).self.consent.text).toBe(CURRENT_CONSENT.en);
  });

  it.each([
    [{ question: "Een <b>webshop</b> voor onze bakkerij, graag." }, "question"],
    [{ smeName: "<script>x</script>" }, "smeName"],
    [{ heardOf: "via &lt;de bank&gt;" }, "heardOf"],
    [{ contactName: "<!-- x" }, "contactName"],
    [{ kvkNumber: "123" }, "kvkNumber"],
    [{ question: "te kort" }, "question"],
    [{ question: "x".repeat(4_001) }, "question"],
    [{ phone: "call me" }, "phone"],
    [{ earliestStart: "2027-05-01", deadline: "2027-01-01" }, "deadline"],
    [{ consent: false }, "consent"],
  ])("refuses %o on its field", (overrides, field) => {
    expect(() => validateSubmission(input(overrides as Partial<QuestionSubmissionInput>))).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT", field }) }),
    );
  });

  it("keeps a lone '<' and strips control characters", () => {
    const { intake } = validateSubmission(input({ question: "Budget < 5000 euro\u0007; kan dat met een studententeam?" }));
    expect(intake.question).toBe("Budget < 5000 euro; kan dat met een studententeam?");
  });

  it("cuts a long first sentence at a word, at most 80 characters", () => {
    const title = titleFromQuestion(`${"woord ".repeat(30)}einde.`);
    expect(title.length).toBeLessThanOrEqual(80);
    expect(title.endsWith("…")).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { EducationLevel, PartnerKind } from "../../server/platform/model/graph-enums.js";
import { DomainError } from "../../server/platform/graphql/domain-error.js";
import { deriveNaturalId } from "../../server/domains/case-workflow/derive-natural-id.js";
import type { CaseIntakeInput as IntakeRequest } from "../../server/domains/case-workflow/case-types.js";
import { validateIntake } from "../../server/domains/case-workflow/validate-intake.js";

const valid: IntakeRequest = {
  sme: { name: "  Bakkerij De Graaf ", kvkNumber: "1234 5678", city: " Haarlem" },
  contact: { name: "Anna de Graaf", email: " Anna@DeGraaf.NL " },
  partner: { name: "Rabobank", kind: PartnerKind.BANK },
  title: " Webshop ",
  topics: ["webshop", " Webshop", "data", ""],
  wantedLevels: [EducationLevel.HBO, EducationLevel.HBO],
  earliestStart: "2026-09-01",
  deadline: "2026-09-01",
};

function refusal(request: IntakeRequest): { code: unknown; field: unknown } {
  try {
    validateIntake(request);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    const e = error as DomainError;
    return { code: e.extensions.code, field: e.extensions.field };
  }
  throw new Error("expected a refusal");
}

describe("validateIntake", () => {
  it("normalises: trims, drops spaces in the KvK number, lower-cases the e-mail, de-duplicates topics and levels", () => {
    const intake = validateIntake(valid);
    expect(intake.sme).toEqual({ name: "Bakkerij De Graaf", kvkNumber: "12345678", city: "Haarlem", sector: null, size: null });
    expect(intake.contact?.email).toBe("anna@degraaf.nl");
    expect(intake.title).toBe("Webshop");
    expect(intake.topics).toEqual(["webshop", "data"]);
    expect(intake.wantedLevels).toEqual(["HBO"]);
    expect(intake.partner).toEqual({ name: "Rabobank", kind: "BANK" });
  });

  it("accepts a deadline on the earliest start day", () => {
    expect(validateIntake(valid).deadline).toBe("2026-09-01");
  });

  it.each([
    [{ ...valid, title: "  " }, "title"],
    [{ ...valid, sme: { name: " " } }, "sme.name"],
    [{ ...valid, sme: { name: "X", kvkNumber: "1234567" } }, "sme.kvkNumber"],
    [{ ...valid, sme: { name: "X", kvkNumber: "123456789" } }, "sme.kvkNumber"],
    [{ ...valid, sme: { name: "X", kvkNumber: "1234567a" } }, "sme.kvkNumber"],
    [{ ...valid, contact: { name: "Anna", email: "anna@" } }, "contact.email"],
    [{ ...valid, contact: { name: "Anna", email: "anna degraaf@x.nl" } }, "contact.email"],
    [{ ...valid, contact: { name: "" } }, "contact.name"],
    [{ ...valid, partner: {} }, "partner"],
    [{ ...valid, partner: { id: "p1", name: "Rabobank" } }, "partner"],
    [{ ...valid, wantedLevels: [] }, "wantedLevels"],
    [{ ...valid, earliestStart: "2026-09-02", deadline: "2026-09-01" }, "deadline"],
    [{ ...valid, deadline: "2026-02-30" }, "deadline"],
    [{ ...valid, earliestStart: "1-9-2026" }, "earliestStart"],
    [{ ...valid, referredOn: "yesterday" }, "referredOn"],
  ] as Array<[IntakeRequest, string]>)("refuses %# with BAD_USER_INPUT on %s", (request, field) => {
    expect(refusal(request)).toEqual({ code: "BAD_USER_INPUT", field });
  });
});

describe("deriveNaturalId", () => {
  it("gives the same UUID-shaped id for the same key however it is typed, and another for another key", () => {
    const a = deriveNaturalId("sme", "Bakkerij De Graaf", "Haarlem");
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deriveNaturalId("sme", " bakkerij de graaf", "HAARLEM ")).toBe(a);
    expect(deriveNaturalId("sme", "Bakkerij De Graaf", "Amsterdam")).not.toBe(a);
    expect(deriveNaturalId("partner", "Bakkerij De Graaf", "Haarlem")).not.toBe(a);
  });
});

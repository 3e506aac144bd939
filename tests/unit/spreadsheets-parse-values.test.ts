import { describe, expect, it } from "vitest";
import {
  parseBoolean,
  parseDate,
  parseDateTime,
  parseEmail,
  parseEnum,
  parseInteger,
  parseIsoDate,
  parseKvkNumber,
  parseNumber,
} from "../../server/platform/validation/parse-values.js";
import { todayIso } from "../../server/platform/clock/read-clock.js";

const value = <T>(p: { ok: true; value: T } | { ok: false; why: string }): T | string => (p.ok ? p.value : `ERR ${p.why}`);

describe("spreadsheet values", () => {
  it("reads ISO and Dutch dates, refuses impossible ones", () => {
    expect(value(parseDate("2025-09-01"))).toBe("2025-09-01");
    expect(value(parseDate(" 1-9-2025 "))).toBe("2025-09-01");
    expect(value(parseDate("31/12/2025"))).toBe("2025-12-31");
    expect(value(parseDate("2025-02-29"))).toMatch(/^ERR .*not a real calendar date/);
    expect(value(parseDate("2024-02-29"))).toBe("2024-02-29");
    expect(value(parseDate("09/01/25"))).toMatch(/^ERR .*not a date/);
    expect(value(parseIsoDate("1-9-2025"))).toMatch(/^ERR .*ISO/);
  });

  it("reads date-times with an offset, and a plain date as midnight UTC", () => {
    expect(value(parseDateTime("2025-09-01T10:30:00Z"))).toBe("2025-09-01T10:30:00Z");
    expect(value(parseDateTime("2025-09-01T10:30+02:00"))).toBe("2025-09-01T10:30+02:00");
    expect(value(parseDateTime("2025-09-01"))).toBe("2025-09-01T00:00:00Z");
    expect(value(parseDateTime("2025-09-01T25:00:00Z"))).toMatch(/^ERR/);
    expect(value(parseDateTime("2025-09-01T10:30:00"))).toMatch(/^ERR/);
  });

  it("reads numbers with a decimal point or comma, and whole numbers", () => {
    expect(value(parseNumber("0.8"))).toBe(0.8);
    expect(value(parseNumber("0,8"))).toBe(0.8);
    expect(value(parseNumber(".5"))).toBe(0.5);
    expect(value(parseNumber("1.000,5"))).toMatch(/^ERR/);
    expect(value(parseInteger("3"))).toBe(3);
    expect(value(parseInteger("3.5"))).toMatch(/^ERR/);
  });

  it("checks KvK numbers: exactly 8 digits, with a hint for a lost leading zero", () => {
    expect(value(parseKvkNumber("12345678"))).toBe("12345678");
    expect(value(parseKvkNumber("1234 5678"))).toBe("12345678");
    expect(value(parseKvkNumber("1234567"))).toMatch(/7 digits.*leading zero/);
    expect(value(parseKvkNumber("123456789"))).toMatch(/^ERR .*8 digits/);
    expect(value(parseKvkNumber("KVK12345"))).toMatch(/^ERR/);
  });

  it("checks e-mail addresses", () => {
    expect(value(parseEmail(" t.de.vries@hva.nl "))).toBe("t.de.vries@hva.nl");
    for (const bad of ["tess", "tess@hva", "tess@@hva.nl", "tess de vries@hva.nl", "<t@hva.nl>"]) {
      expect(value(parseEmail(bad)), bad).toMatch(/^ERR/);
    }
  });

  it("reads enumerations without regard to case, spaces or hyphens", () => {
    const levels = ["WO", "HBO", "MBO"] as const;
    expect(value(parseEnum(levels, "hbo"))).toBe("HBO");
    expect(value(parseEnum(["WARM_INTRODUCTION", "EMAIL"] as const, "warm introduction"))).toBe("WARM_INTRODUCTION");
    expect(value(parseEnum(levels, "HAVO"))).toMatch(/not one of WO, HBO, MBO/);
  });

  it("reads booleans in English and Dutch", () => {
    expect(["true", "Ja", "1", "yes"].map((t) => value(parseBoolean(t)))).toEqual([true, true, true, true]);
    expect(["false", "nee", "0", "NO"].map((t) => value(parseBoolean(t)))).toEqual([false, false, false, false]);
    expect(value(parseBoolean("misschien"))).toMatch(/^ERR/);
  });

  it("takes today's date in Amsterdam, not UTC", () => {
    // 23:30 UTC on 31 December is already 1 January in Amsterdam (UTC+1 in winter).
    expect(todayIso(new Date("2025-12-31T23:30:00Z"))).toBe("2026-01-01");
    expect(todayIso(new Date("2025-07-01T21:59:00Z"))).toBe("2025-07-01");
  });
});

import { describe, expect, it } from "vitest";
import { isIsoDate } from "../../server/platform/clock/check-iso-date.js";
import { todayIso } from "../../server/platform/clock/read-clock.js";

describe("the one clock", () => {
  it("takes today as the calendar date in Amsterdam, also around midnight UTC", () => {
    // Summer (UTC+2): 22:30 UTC on 30 June is already 1 July in Amsterdam; 21:59 UTC is still 30 June.
    expect(todayIso(new Date("2026-06-30T22:30:00Z"))).toBe("2026-07-01");
    expect(todayIso(new Date("2026-06-30T21:59:59Z"))).toBe("2026-06-30");
    // Winter (UTC+1): 23:30 UTC on 31 December is already the next year there; 22:59 UTC is not.
    expect(todayIso(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
    expect(todayIso(new Date("2026-12-31T22:59:59Z"))).toBe("2026-12-31");
    // Just after midnight UTC both agree.
    expect(todayIso(new Date("2026-03-01T00:30:00Z"))).toBe("2026-03-01");
  });

  it("writes today as a date every date check accepts", () => {
    expect(todayIso()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(isIsoDate(todayIso())).toBe(true);
  });

  it("accepts only real calendar dates written YYYY-MM-DD", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2025-02-29")).toBe(false);
    expect(isIsoDate("2025-13-01")).toBe(false);
    expect(isIsoDate("1-9-2025")).toBe(false);
    expect(isIsoDate("2025-09-01T00:00:00Z")).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import type { Row } from "../../server/platform/neo4j/database.js";
import { describeSyntheticGraph, SyntheticSizeError, type SyntheticSize } from "../../seed/synthetic/index.js";
import { academicYearStartOf, shiftYears, yearShiftFor } from "../../seed/synthetic/shift-years.js";

const size: SyntheticSize = {
  people: 400,
  ties: 2_000,
  institutions: 4,
  programmes: 10,
  courses: 40,
  cases: 120,
  smes: 60,
  seed: 5,
};

/** Every row of every phase, with its phase's name and the names of its temporal fields. */
function rowsOf(referenceDate: string): Array<{ where: string; row: Row; temporal: string[] }> {
  const graph = describeSyntheticGraph(size, { referenceDate });
  const out: Array<{ where: string; row: Row; temporal: string[] }> = [];
  for (const phase of graph.nodes) {
    for (const row of phase.rows()) out.push({ where: phase.label, row, temporal: Object.keys(phase.temporal) });
  }
  for (const phase of graph.relationships) {
    const temporal = Object.entries(phase.properties)
      .filter(([, kind]) => kind !== "value")
      .map(([key]) => key);
    for (const row of phase.rows()) out.push({ where: `${phase.from}-${phase.type}->${phase.to}`, row, temporal });
  }
  return out;
}

describe("the synthetic calendar", () => {
  it("takes the academic year (1 September to 31 August) that holds the reference date", () => {
    expect(academicYearStartOf("2026-11-28")).toBe(2026);
    expect(academicYearStartOf("2026-09-01")).toBe(2026);
    expect(academicYearStartOf("2026-08-31")).toBe(2025);
    expect(yearShiftFor("2026-11-28")).toBe(1);
    expect(yearShiftFor("2025-10-01")).toBe(0);
    expect(yearShiftFor("2023-03-01")).toBe(-3);
    for (const bad of ["2026-02-30", "2026-2-3", "28-11-2026", ""])
      expect(() => academicYearStartOf(bad)).toThrow(SyntheticSizeError);
  });

  it("moves dates and date-times by whole years, 29 February to 28 February where a year has none", () => {
    expect(shiftYears("2025-09-01", 1)).toBe("2026-09-01");
    expect(shiftYears("2024-02-29", 1)).toBe("2025-02-28");
    expect(shiftYears("2024-02-29", 4)).toBe("2028-02-29");
    expect(shiftYears("2024-05-01T10:15:00.000Z", -2)).toBe("2022-05-01T10:15:00.000Z");
    expect(shiftYears("2024-02-29T08:00:00.000Z", 2)).toBe("2026-02-28T08:00:00.000Z");
  });

  it("moves every date of the graph by the same whole years and changes nothing else", () => {
    const base = rowsOf("2025-10-01");
    const moved = rowsOf("2026-11-28");
    expect(moved.length).toBe(base.length);
    let dates = 0;
    moved.forEach(({ where, row, temporal }, i) => {
      const before = base[i]!;
      expect(where).toBe(before.where);
      const expected: Row = { ...before.row };
      for (const key of temporal) {
        const value = before.row[key];
        if (typeof value !== "string") continue;
        dates++;
        const year = Number(value.slice(0, 4)) + 1;
        const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
        expected[key] = `${year}${value.slice(4, 10) === "-02-29" && !leap ? "-02-28" : value.slice(4, 10)}${value.slice(10)}`;
      }
      if (where === "TeachingPeriod") expected.p = { ...(before.row.p as Row), academicYear: "2026-2027" };
      expect(row).toEqual(expected);
    });
    // Periods, cases, sprints, agreements, referrals and ties all carry dates.
    expect(dates).toBeGreaterThan(size.ties + size.cases);
  });

  it("gives the same graph for any date of one academic year", () => {
    expect(rowsOf("2027-08-31")).toEqual(rowsOf("2026-09-01"));
    expect(rowsOf("2027-09-01")).not.toEqual(rowsOf("2026-09-01"));
  });

  it("puts teaching periods of the current year inside case windows, and no tie or case after a late-autumn reference date", () => {
    const rows = rowsOf("2026-11-28");
    const periods = rows.filter((r) => r.where === "TeachingPeriod").map((r) => r.row);
    expect(new Set(periods.map((p) => (p.p as Row).academicYear))).toEqual(new Set(["2026-2027"]));
    const cases = rows.filter((r) => r.where === "Case").map((r) => r.row);
    const inWindow = cases.filter(
      (c) =>
        typeof c.earliestStart === "string" &&
        typeof c.deadline === "string" &&
        periods.some((p) => String(p.startDate) >= String(c.earliestStart) && String(p.startDate) <= String(c.deadline)),
    );
    expect(inWindow.length).toBeGreaterThan(0);
    expect(cases.every((c) => String(c.created) <= "2026-11-28")).toBe(true);
    const ties = rows.filter((r) => r.where === "Person-KNOWS->Person").map((r) => r.row);
    expect(
      ties.every((t) => String(t.since) <= "2026-11-28" && (t.lastContact === null || String(t.lastContact) <= "2026-11-28")),
    ).toBe(true);
  });
});

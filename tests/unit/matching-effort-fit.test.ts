import { describe, expect, it } from "vitest";
import { EFFORT_FIT, EFFORT_UNKNOWN, effortFitScore } from "../../server/domains/suggestions/effort-fit.js";
import { CourseKind, Effort } from "../../server/platform/model/graph-enums.js";

// One test per row of the effort table (docs/matching.md, "Effort fit"), with the row written out so a change to
// the table is a deliberate change here too.
describe("effort fit table", () => {
  it("SMALL (a few days) belongs in a course sprint, barely in a minor, never in an internship or graduation", () => {
    expect(EFFORT_FIT.SMALL).toEqual({ COURSE: 1, PROJECT: 0.5, MINOR: 0.25, INTERNSHIP: 0, GRADUATION: 0 });
    expect(effortFitScore(Effort.SMALL, CourseKind.COURSE)).toBeGreaterThan(effortFitScore(Effort.SMALL, CourseKind.INTERNSHIP));
  });
  it("SPRINT (one digital sprint) belongs in a course or project; an internship is a poor frame, graduation none", () => {
    expect(EFFORT_FIT.SPRINT).toEqual({ COURSE: 1, PROJECT: 1, MINOR: 0.5, INTERNSHIP: 0.25, GRADUATION: 0 });
    // The example: a one-sprint case ranks a project above an otherwise equal internship.
    expect(effortFitScore(Effort.SPRINT, CourseKind.PROJECT)).toBeGreaterThan(
      effortFitScore(Effort.SPRINT, CourseKind.INTERNSHIP),
    );
  });
  it("SEMESTER belongs in a minor, internship or graduation assignment; a project can stretch, a course sprint cannot", () => {
    expect(EFFORT_FIT.SEMESTER).toEqual({ COURSE: 0.25, PROJECT: 0.5, MINOR: 1, INTERNSHIP: 1, GRADUATION: 1 });
    expect(effortFitScore(Effort.SEMESTER, CourseKind.GRADUATION)).toBeGreaterThan(
      effortFitScore(Effort.SEMESTER, CourseKind.COURSE),
    );
  });
  it("an unknown effort (or kind) scores the neutral 0.5 everywhere", () => {
    for (const kind of Object.values(CourseKind)) expect(effortFitScore(null, kind)).toBe(EFFORT_UNKNOWN);
    expect(effortFitScore(Effort.SPRINT, null)).toBe(EFFORT_UNKNOWN);
    expect(EFFORT_UNKNOWN).toBe(0.5);
  });
  it("covers every effort and every course kind", () => {
    expect(Object.keys(EFFORT_FIT).sort()).toEqual(Object.values(Effort).sort());
    for (const row of Object.values(EFFORT_FIT)) expect(Object.keys(row).sort()).toEqual(Object.values(CourseKind).sort());
  });
});

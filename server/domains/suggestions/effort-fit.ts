import { CourseKind, Effort } from "../../platform/model/graph-enums.js";

/**
 * The effort fit factor (docs/matching.md, "Effort fit"): how well the work a case asks (Effort: a few days, one
 * digital sprint, a semester) suits the kind of course (CourseKind: a sprint inside a course, a project, a minor,
 * an internship, a graduation assignment). 1 = the natural home for such a case, 0 = it does not belong there.
 * A case without an effort yet scores 0.5 everywhere, so it is not penalised before qualification asks for it.
 * One unit test per row: tests/unit/matching-effort-fit.test.ts.
 */
export const EFFORT_FIT: Readonly<Record<Effort, Readonly<Record<CourseKind, number>>>> = {
  // A few days of work: a sprint in a course, or a small part of a project; never a minor, internship or thesis.
  [Effort.SMALL]: { COURSE: 1, PROJECT: 0.5, MINOR: 0.25, INTERNSHIP: 0, GRADUATION: 0 },
  // One digital sprint: what a course's sprint and a project are made for; a minor can take it, an internship or a
  // graduation assignment would be far too large a frame.
  [Effort.SPRINT]: { COURSE: 1, PROJECT: 1, MINOR: 0.5, INTERNSHIP: 0.25, GRADUATION: 0 },
  // A semester: a minor, an internship or a graduation assignment; a project can stretch; a course's sprint cannot.
  [Effort.SEMESTER]: { COURSE: 0.25, PROJECT: 0.5, MINOR: 1, INTERNSHIP: 1, GRADUATION: 1 },
};

/** The score of a case without an effort, or a course of an unknown kind. */
export const EFFORT_UNKNOWN = 0.5;

export function effortFitScore(effort: string | null | undefined, kind: string | null | undefined): number {
  const row = effort ? EFFORT_FIT[effort as Effort] : undefined;
  const score = row && kind ? row[kind as CourseKind] : undefined;
  return score ?? EFFORT_UNKNOWN;
}

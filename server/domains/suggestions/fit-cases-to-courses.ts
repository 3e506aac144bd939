import type { Tx } from "../../platform/neo4j/database.js";
import { Language } from "../../platform/model/graph-enums.js";
import { readAgreementTerms } from "../agreements/index.js";
import { searchBestWarmPaths } from "../network/index.js";
import type { SuggestionVerdict } from "./matching-enums.js";
import type { MatchingSettings } from "./matching-settings.js";
import { readCourseFits } from "./read-course-fits.js";
import { readTeacherRecords, withWarmPath, type TeacherSignalsRow } from "./read-teacher-signals.js";
import { bestTeacher, describeTopicMatches, scoreSuggestion } from "./score-suggestion.js";

/** One case fitting one course, scored as caseSuggestions scores it. */
export interface CaseCourseFit {
  caseId: string;
  courseId: string;
  courseName: string;
  score: number;
  verdict: SuggestionVerdict;
  /** The one sentence of why, in the language asked, and in both. */
  reason: string;
  reasonNl: string;
  reasonEn: string;
  sharedTopics: string[];
  periodName: string | null;
  periodStart: string | null;
  remainingPlaces: number | null;
  hasAgreement: boolean;
}

/**
 * The suggestions seen from the course side (issue #18, the institution portal): for the given cases and courses,
 * every pair that fits, scored exactly as caseSuggestions scores a course for a case (the same structural factors of
 * readCourseFits, the course's best teacher with their track record and the coordinators' best warm path to them).
 * Warm paths start from every workspace's coordinators, as the digest's do (the cases may belong to several).
 * Best first; a fixed number of queries whatever the number of cases and courses.
 */
export async function fitCasesToCourses(
  tx: Tx,
  input: { caseIds: string[]; courseIds: string[]; today: string; now: string; language: Language; settings: MatchingSettings },
): Promise<CaseCourseFit[]> {
  if (input.caseIds.length === 0 || input.courseIds.length === 0) return [];
  const weights = input.settings.weights;
  const fits = await readCourseFits(tx, {
    cases: { caseIds: input.caseIds },
    courses: { courseIds: input.courseIds },
    today: input.today,
    weights,
    terms: await readAgreementTerms(tx),
  });
  if (fits.length === 0) return [];
  const courseIds = [...new Set(fits.map((f) => f.courseId))];
  const records = await readTeacherRecords(tx, { courseIds, caseId: null, now: input.now });
  const warm = await searchBestWarmPaths(tx, {
    workspaces: [],
    targets: records.map((r) => r.teacherId),
    minStrength: input.settings.warmPathMinStrength,
  });
  const byCourse = new Map<string, TeacherSignalsRow[]>();
  for (const record of records) {
    const teacher = withWarmPath(record, warm.get(record.teacherId));
    for (const courseId of record.courseIds) byCourse.set(courseId, [...(byCourse.get(courseId) ?? []), teacher]);
  }
  return fits
    .map((fit): CaseCourseFit => {
      const teacher = bestTeacher(byCourse.get(fit.courseId) ?? [], weights);
      const scored = scoreSuggestion(fit, teacher, weights, input.language);
      const nl = input.language === Language.NL ? scored.reason : scoreSuggestion(fit, teacher, weights, Language.NL).reason;
      const en = input.language === Language.EN ? scored.reason : scoreSuggestion(fit, teacher, weights, Language.EN).reason;
      return {
        caseId: fit.caseId,
        courseId: fit.courseId,
        courseName: fit.courseName,
        score: scored.total,
        verdict: scored.verdict,
        reason: scored.reason,
        reasonNl: nl,
        reasonEn: en,
        sharedTopics: describeTopicMatches(fit.topicMatches, input.language),
        periodName: fit.period?.name ?? null,
        periodStart: fit.period?.startDate ?? null,
        remainingPlaces: fit.remainingPlaces,
        hasAgreement: fit.hasAgreement,
      };
    })
    .sort((a, b) => b.score - a.score || a.caseId.localeCompare(b.caseId) || a.courseId.localeCompare(b.courseId));
}

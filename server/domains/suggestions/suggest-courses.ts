import { todayIso } from "../../platform/clock/read-clock.js";
import type { Database } from "../../platform/neo4j/database.js";
import type { MatchingSettings } from "./matching-settings.js";
import { readAgreementTerms } from "../agreements/index.js";
import { readCourseFits } from "./read-course-fits.js";
import type { CourseFitWeighing } from "./statements.js";
import { bestWarmPaths, type BestWarmPath, type BestWarmPathsInput } from "../network/index.js";
import {
  readCaseScope,
  readTeacherRecords,
  withWarmPath,
  type CaseScope,
  type TeacherSignalsRow,
} from "./read-teacher-signals.js";
import { courseCatalogueAt } from "./held-course-catalogue.js";
import type { CaseFitFacts } from "./course-catalogue.js";
import { readHeldCourseFits } from "./read-held-course-fits.js";
import { READ_CASE_FIT_FACTS, READ_TEACHERS_OF_COURSES } from "./statements.js";
import { Language, type EducationLevel } from "../../platform/model/graph-enums.js";
import { bestTeacher, describeTopicMatches, scoreSuggestion, trackRecordScore, type CourseFit } from "./score-suggestion.js";
import type { CaseSuggestion } from "./suggestion-types.js";
import { resolveWeights, type SomeSuggestionWeights, type SuggestionWeights } from "./suggestion-weights.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";

export interface SuggestCoursesInput {
  caseId: string;
  limit: number;
  weights?: SomeSuggestionWeights | null;
  language: Language;
  now: string;
  settings: MatchingSettings;
  /**
   * Where the structural factors come from: the held course catalogue ("held", the default: course-catalogue.ts), or
   * the structural statement, reading the periods, agreements and sprints only of the courses that can still be kept
   * ("bounded") or of every course that shares a topic ("every"): the ways before, which the bench and the tests
   * compare with it.
   */
  weighing?: CourseFitWeighing | "held";
}

export const MAX_SUGGESTIONS = 100;

/**
 * How many courses of the highest bound the bounded statement weighs first, per course kept (`max(5 × limit, 50)`):
 * their worst kept course's partial is the floor the rest must reach to be weighed at all.
 */
export const WEIGH_FIRST_PER_KEPT = 2;

/**
 * Where the warm paths come from: bestWarmPaths in Neo4j on this thread by default (only of the teachers who can still
 * change the top `limit`, after their track records); SuggestionResolver passes the analytics worker's when it holds the
 * ties (the same answer, over the ties in memory: network/best-warm-paths-in-memory.ts), which is asked for every teacher
 * of the courses kept, beside their track records.
 */
export type FindBestWarmPaths = (input: BestWarmPathsInput) => Promise<Map<string, BestWarmPath>>;

/**
 * caseSuggestions in a fixed number of queries whatever the number of courses, none per course,
 * each an auto-commit read (suggestions are advice: they need no common snapshot, and each read
 * saves the COMMIT round trip of a transaction):
 * the case's facts and scope, then the structural factors over the held course
 * catalogue (read-held-course-fits.ts, which keeps at most `max(5 × limit, 50)` courses in contention); then the
 * track records of those courses' teachers and the warm paths (in memory: of all of them, beside the records; in Neo4j:
 * the network domain's bestWarmPaths, kept while the graph is unchanged, only of the teachers who can still change the
 * top `limit`, after the records).
 */
export async function suggestCourses(
  db: Database,
  input: SuggestCoursesInput,
  warmPathsInMemory?: FindBestWarmPaths,
): Promise<CaseSuggestion[]> {
  if (!Number.isInteger(input.limit) || input.limit < 1 || input.limit > MAX_SUGGESTIONS) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `limit must be between 1 and ${MAX_SUGGESTIONS}.`, "limit");
  }
  const weights = resolveWeights(input.settings.weights, input.weights);
  const minStrength = input.settings.warmPathMinStrength;
  const maxCandidates = Math.max(5 * input.limit, 50);
  const [scope, fits] =
    input.weighing === "every" || input.weighing === "bounded"
      ? await Promise.all([
          db.readEach((tx) => readCaseScope(tx, input.caseId)),
          db.readEach(async (tx) =>
            readCourseFits(tx, {
              cases: { caseIds: [input.caseId] },
              courses: "all",
              today: todayIso(new Date(input.now)),
              weights,
              terms: await readAgreementTerms(tx),
              limit: input.limit,
              maxCandidates,
              ...(input.weighing === "every" ? {} : { weighFirst: WEIGH_FIRST_PER_KEPT * maxCandidates }),
            }),
          ),
        ])
      : await heldFits(db, input, weights, maxCandidates);
  if (!scope.caseExists) throw new DomainError(ErrorCode.NOT_FOUND, `No case with id ${input.caseId}.`, "case");
  const courseIds = fits.map((f) => f.courseId);
  const readRecords = () => db.readEach((tx) => readTeacherRecords(tx, { courseIds, caseId: input.caseId, now: input.now }));
  let records: TeacherSignalsRow[];
  let warmPaths: Map<string, BestWarmPath>;
  if (warmPathsInMemory) {
    // In memory a teacher more costs microseconds: the warm paths of every teacher of the courses kept, beside their
    // track records (the teachers out of contention cannot reach the top `limit` either way, so the answer is the same).
    const targets = (await db.read(READ_TEACHERS_OF_COURSES, { courseIds })).map((row) => String(row.id));
    [records, warmPaths] = await Promise.all([
      readRecords(),
      warmPathsInMemory({ workspaces: scope.workspaces, targets, minStrength }),
    ]);
  } else {
    records = await readRecords();
    const teacherIds = teachersInContention(fits, records, weights, input.limit);
    warmPaths = await bestWarmPaths(db, { workspaces: scope.workspaces, targets: teacherIds, minStrength });
  }
  const teachers = records.map((t) => withWarmPath(t, warmPaths.get(t.teacherId)));
  return rankSuggestions(fits, teachers, weights, input.language).slice(0, input.limit);
}

/**
 * The case's scope and fits over the held course catalogue: the case's facts with the catalogue version in one read; the
 * catalogue at that version (read again only when it moved); the fits in memory, but for the sprints of courses under an
 * agreement's limit (read-held-course-fits.ts).
 */
async function heldFits(
  db: Database,
  input: SuggestCoursesInput,
  weights: SuggestionWeights,
  maxCandidates: number,
): Promise<[CaseScope, CourseFit[]]> {
  const [facts] = await db.read(READ_CASE_FIT_FACTS, { caseId: input.caseId, today: todayIso(new Date(input.now)) });
  const row = facts ?? {};
  const scope: CaseScope = {
    caseExists: row.caseExists === true,
    workspaces: ((row.workspaces as string[] | undefined) ?? []).filter((w) => typeof w === "string").sort(),
  };
  if (!scope.caseExists) return [scope, []];
  const catalogue = await courseCatalogueAt(db, (row.catalogueVersion as string | null | undefined) ?? null);
  const fits = await db.readEach((tx) =>
    readHeldCourseFits(tx, catalogue, {
      facts: row as unknown as CaseFitFacts,
      weights,
      limit: input.limit,
      maxCandidates,
    }),
  );
  return [scope, fits];
}

/**
 * The teachers whose warm path can still change the top `limit`: a course's total lies between
 * its score without a warm path and that plus the warm-path weight, so courses whose best case
 * stays below the limit-th course's worst case need no warm path.
 */
export function teachersInContention(
  fits: CourseFit[],
  teachers: TeacherSignalsRow[],
  weights: SuggestionWeights,
  limit: number,
): string[] {
  const track = new Map(teachers.map((t) => [t.teacherId, weights.trackRecord * trackRecordScore(t)]));
  const byCourse = new Map<string, string[]>();
  for (const t of teachers) for (const c of t.courseIds) byCourse.set(c, [...(byCourse.get(c) ?? []), t.teacherId]);
  const bounds = fits.map((fit) => {
    const partial =
      weights.topicOverlap * fit.topicScore +
      weights.levelFit * fit.levelScore +
      weights.timing * fit.timingScore +
      weights.remainingCapacity * fit.capacityScore +
      weights.effortFit * fit.effortScore;
    const ids = byCourse.get(fit.courseId) ?? [];
    const lower = partial + Math.max(0, ...ids.map((id) => track.get(id) ?? 0));
    return { ids, lower, upper: lower + (ids.length > 0 ? weights.warmPath : 0) };
  });
  const lowers = bounds.map((b) => b.lower).sort((a, b) => b - a);
  const kth = lowers.length >= limit ? (lowers[limit - 1] ?? -1) : -1;
  return [...new Set(bounds.filter((b) => b.upper >= kth - 1e-9).flatMap((b) => b.ids))];
}

/** Scores every course with its best teacher and sorts best first (ties: course name, then id). */
export function rankSuggestions(
  fits: CourseFit[],
  teachers: TeacherSignalsRow[],
  weights: SuggestionWeights,
  language: Language,
): CaseSuggestion[] {
  const byCourse = new Map<string, TeacherSignalsRow[]>();
  for (const t of teachers) {
    for (const courseId of t.courseIds) byCourse.set(courseId, [...(byCourse.get(courseId) ?? []), t]);
  }
  const other = language === Language.NL ? Language.EN : Language.NL;
  return fits
    .map((fit): CaseSuggestion => {
      const teacher = bestTeacher(byCourse.get(fit.courseId) ?? [], weights) as TeacherSignalsRow | null;
      const scored = scoreSuggestion(fit, teacher, weights, language);
      // The reason in the other language too, so a client can show both.
      const reasons = { [language]: scored.reason, [other]: scoreSuggestion(fit, teacher, weights, other).reason } as Record<
        Language,
        string
      >;
      return {
        courseId: fit.courseId,
        courseName: fit.courseName,
        courseKind: fit.courseKind,
        programmeName: fit.programmeName,
        programmeId: fit.programmeId,
        institutionName: fit.institutionName,
        institutionId: fit.institutionId,
        courseLevels: fit.courseLevels as EducationLevel[],
        teacherId: teacher?.teacherId ?? null,
        teacherName: teacher?.teacherName ?? null,
        periodId: fit.period?.id ?? null,
        periodName: fit.period?.name ?? null,
        periodStart: fit.period?.startDate ?? null,
        periodEnd: fit.period?.endDate ?? null,
        sharedTopics: describeTopicMatches(fit.topicMatches, language),
        topicMatches: fit.topicMatches,
        remainingPlaces: fit.remainingPlaces,
        hasAgreement: fit.hasAgreement,
        warmPathStrength: teacher?.warmPathStrength ?? null,
        warmPathHops: teacher?.warmPathHops ?? null,
        proposedToTeacher: teacher?.proposedForCase ?? false,
        score: scored.total,
        verdict: scored.verdict,
        reason: scored.reason,
        reasonNl: reasons.NL,
        reasonEn: reasons.EN,
        factors: scored.factors,
      };
    })
    .sort((a, b) => b.score - a.score || a.courseName.localeCompare(b.courseName) || a.courseId.localeCompare(b.courseId));
}

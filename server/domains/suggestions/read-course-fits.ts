import type { Tx } from "../../platform/neo4j/database.js";
import type { AgreementTerms } from "../agreements/index.js";
import { byCaseTopic } from "./course-catalogue.js";
import { effortFitScore } from "./effort-fit.js";
import type { CourseFit } from "./score-suggestion.js";
import type { TopicMatch } from "./suggestion-types.js";
import { NEIGHBOUR_TOPIC_CREDIT, type SuggestionWeights } from "./suggestion-weights.js";
import { readCourseFitsStatement } from "./statements.js";

/**
 * One Cypher query (readCourseFitsStatement) that scores courses for cases on the four factors that live in the graph's
 * structure: topic overlap (on the vocabulary's ABOUT links), level fit, timing and remaining capacity; effort fit
 * is added here from the case's effort and the course's kind. Only courses that share a
 * topic (or a broader or narrower one) with the case and are part of a programme of an institution are considered (the level
 * needs the institution). Per course it picks the best teaching period in the case's window. With
 * `limit`, courses that cannot reach the top `limit` even with a perfect teacher score are dropped
 * in the database, so few rows travel.
 */

export type CaseSelection = { caseIds: string[] } | { openCasesNotProposedTo: string };
export type CourseSelection = "all" | { courseIds: string[] };

export interface CourseFitQuery {
  cases: CaseSelection;
  courses: CourseSelection;
  today: string;
  weights: SuggestionWeights;
  /** All agreements' terms (readAgreementTerms). */
  terms: AgreementTerms;
  /** Keep per case only courses that can still reach this rank; omit to keep all. */
  limit?: number;
  /** Hard cap on rows per case after pruning (ties can keep many in contention). */
  maxCandidates?: number;
  /**
   * With maxCandidates: read the periods, agreements and sprints only of the courses that can still be among the first
   * maxCandidates, weighing this many courses of the highest bound first (readCourseFitsStatement's "bounded"; the
   * same rows). Omit to weigh every course.
   */
  weighFirst?: number;
}

export async function readCourseFits(tx: Tx, query: CourseFitQuery): Promise<CourseFit[]> {
  const w = query.weights;
  // What the database does not score (the teacher, and effort fit, which is scored in effort-fit.ts) can add at most this.
  const restMax = w.trackRecord + w.warmPath + w.effortFit;
  const bounded = query.weighFirst !== undefined && query.maxCandidates !== undefined;
  if (bounded && query.weighFirst! < query.maxCandidates!) throw new Error("weighFirst must be at least maxCandidates.");
  const statement = readCourseFitsStatement(
    "caseIds" in query.cases ? "caseIds" : "openCasesNotProposedTo",
    query.courses === "all" ? "all" : "courseIds",
    bounded ? "bounded" : "every",
  );
  const rows = await tx.run(statement, {
    caseIds: "caseIds" in query.cases ? query.cases.caseIds : null,
    teacherId: "openCasesNotProposedTo" in query.cases ? query.cases.openCasesNotProposedTo : null,
    courseIds: query.courses === "all" ? null : query.courses.courseIds,
    today: query.today,
    terms: query.terms,
    wTopic: w.topicOverlap,
    wLevel: w.levelFit,
    wTiming: w.timing,
    wCapacity: w.remainingCapacity,
    restMax,
    neighbourCredit: NEIGHBOUR_TOPIC_CREDIT,
    limit: query.limit ?? null,
    maxCandidates: query.maxCandidates ?? 1_000_000,
    weighFirst: query.weighFirst ?? null,
  });
  return rows.map((row) => toCourseFit(row));
}

interface FitRow {
  course: { id: string; name: string; kind: string | null };
  shared: TopicMatch[];
  place: {
    programme: string | null;
    programmeId: string | null;
    institution: string | null;
    institutionId: string | null;
  } | null;
  kinds: string[];
  topicScore: number;
  levelScore: number;
  period: { id: string; name: string; startDate: string; endDate: string } | null;
  timingScore: number;
  capacityScore: number;
  hasAgreement: boolean;
  cap: number | null;
  used: number | null;
  remaining: number | null;
}

function toCourseFit(row: Record<string, unknown>): CourseFit {
  const r = row.r as FitRow;
  return {
    caseId: String(row.caseId),
    courseId: r.course.id,
    courseName: r.course.name,
    courseKind: r.course.kind ?? null,
    institutionName: r.place?.institution ?? null,
    institutionId: r.place?.institutionId ?? null,
    programmeName: r.place?.programme ?? null,
    programmeId: r.place?.programmeId ?? null,
    courseLevels: r.kinds,
    wantedLevels: (row.wanted as string[] | null) ?? [],
    topicCount: Number(row.topicCount),
    // In the case's topics' order (the statement collects them in no set order).
    topicMatches: [...r.shared].sort(byCaseTopic),
    effort: (row.effort as string | null | undefined) ?? null,
    effortScore: effortFitScore(row.effort as string | null | undefined, r.course.kind),
    topicScore: r.topicScore,
    levelScore: r.levelScore,
    windowStart: String(row.windowStart),
    windowEnd: row.windowEnd === null || row.windowEnd === undefined ? null : String(row.windowEnd),
    period: r.period,
    timingScore: r.timingScore,
    capacityScore: r.capacityScore,
    hasAgreement: r.hasAgreement,
    casesPerPeriod: r.cap ?? null,
    // Counted only against a limit (see readCourseFitsStatement).
    usedPlaces: r.cap === null || r.cap === undefined ? null : (r.used ?? null),
    remainingPlaces: r.remaining ?? null,
  };
}

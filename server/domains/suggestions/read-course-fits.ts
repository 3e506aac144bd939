import type { Tx } from "../../platform/neo4j/database.js";
import { type AgreementTerms, GOVERNING_AGREEMENT_IN_PERIOD } from "../agreements/index.js";
import type { CourseFit } from "./score-suggestion.js";
import type { SuggestionWeights } from "./suggestion-weights.js";

/**
 * One Cypher query that scores courses for cases on the four factors that live in the graph's
 * structure: topic overlap, level fit, timing and remaining capacity. Only courses that share a
 * topic with the case and are part of a programme of an institution are considered (the level
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
}

// For ranking, sprints only matter where there is a limit to count them against.
const USED_PLACES_IF_LIMITED = `
  WITH *, CASE WHEN cap IS NULL THEN 0
               ELSE COUNT { MATCH (s:Sprint)-[:IN_COURSE]->(c) WHERE s.status <> 'CANCELLED' AND (s)-[:IN_PERIOD]->(p) } END AS used`;

function caseClause(cases: CaseSelection): string {
  if ("caseIds" in cases) return "UNWIND $caseIds AS caseId MATCH (k:Case {id: caseId})";
  return `MATCH (k:Case) WHERE k.status IN ['QUALIFIED', 'PROPOSED']
          AND NOT EXISTS { (k)<-[:OF_CASE]-(:Proposal)-[:TO_TEACHER]->(:Person {id: $teacherId}) }`;
}

// From the institutions down: every course with its institution's level in one walk (a programme
// is shared by about ten courses, so this is far cheaper than walking up from each course).
function courseClause(courses: CourseSelection): string {
  // Only courses are PART_OF a programme, so `c` needs no label check (10,000 fewer reads).
  return courses === "all"
    ? "MATCH (i:Institution)<-[:OFFERED_BY]-(pr:Programme)<-[:PART_OF]-(c)"
    : "UNWIND $courseIds AS courseId MATCH (i:Institution)<-[:OFFERED_BY]-(pr:Programme)<-[:PART_OF]-(c:Course {id: courseId})";
}

export async function readCourseFits(tx: Tx, query: CourseFitQuery): Promise<CourseFit[]> {
  const w = query.weights;
  const restMax = w.trackRecord + w.warmPath;
  const cypher = `
    ${caseClause(query.cases)}
    WITH k,
         reduce(acc = [], t IN coalesce(k.topics, []) |
           CASE WHEN trim(t) = '' OR toLower(trim(t)) IN acc THEN acc ELSE acc + toLower(trim(t)) END) AS topics,
         // A period that has already begun cannot take the case, so the window opens today at the earliest.
         CASE WHEN k.earliestStart IS NULL OR k.earliestStart < date($today) THEN date($today) ELSE k.earliestStart END AS windowStart,
         k.deadline AS windowEnd,
         coalesce(k.wantedLevels, []) AS wanted
    WHERE size(topics) > 0
    CALL (topics) {
      ${courseClause(query.courses)}
      WITH c, pr, i, [x IN coalesce(c.themes, []) | toLower(trim(x))] AS themes
      WITH c, pr, i, [t IN topics WHERE t IN themes] AS shared
      WHERE size(shared) > 0
      RETURN c, shared, collect({programme: pr, institution: i}) AS places, collect(DISTINCT i.kind) AS kinds
    }
    WITH k, topics, windowStart, windowEnd, wanted, c, shared, places, kinds,
         toFloat(size(shared)) / size(topics) AS topicScore,
         CASE WHEN size(wanted) = 0 THEN 0.5 WHEN any(x IN kinds WHERE x IN wanted) THEN 1.0 ELSE 0.0 END AS levelScore,
         coalesce($terms[elementId(c)], []) AS directTerms,
         reduce(acc = [], x IN places | acc + coalesce($terms[elementId(x.programme)], [])) AS programmeTerms,
         reduce(acc = [], x IN places | acc + coalesce($terms[elementId(x.institution)], [])) AS institutionTerms
    OPTIONAL CALL (c, windowStart, windowEnd, directTerms, programmeTerms, institutionTerms) {
      MATCH (c)-[:RUNS_IN]->(p:TeachingPeriod)
      WHERE p.startDate >= windowStart AND (windowEnd IS NULL OR p.startDate < windowEnd)
      WITH c, p, directTerms, programmeTerms, institutionTerms, toString(p.startDate) AS periodStart,
           CASE WHEN windowEnd IS NULL OR p.endDate <= windowEnd THEN 1.0 ELSE 0.5 END AS timing
      ${GOVERNING_AGREEMENT_IN_PERIOD}
      ${USED_PLACES_IF_LIMITED}
      WITH p, timing, hasAgreement, cap, used,
           CASE WHEN NOT hasAgreement OR cap IS NULL THEN null ELSE cap - used END AS remaining
      WITH p, timing, hasAgreement, cap, used, remaining,
           CASE WHEN NOT hasAgreement THEN 0.25 WHEN cap IS NULL THEN 1.0
                WHEN remaining >= 2 THEN 1.0 WHEN remaining = 1 THEN 0.75 ELSE 0.0 END AS capacity
      ORDER BY $wTiming * timing + $wCapacity * capacity DESC, p.startDate ASC, p.id ASC
      LIMIT 1
      RETURN p AS period, timing, capacity, hasAgreement, cap, used, remaining
    }
    WITH k, topics, windowStart, windowEnd, wanted, c, shared, places, kinds, topicScore, levelScore,
         period, coalesce(timing, 0.0) AS timingScore, coalesce(capacity, 0.0) AS capacityScore,
         coalesce(hasAgreement, false) AS hasAgreement, cap, used, remaining
    WITH *, $wTopic * topicScore + $wLevel * levelScore + $wTiming * timingScore + $wCapacity * capacityScore AS partial
    ORDER BY partial DESC, c.name ASC, c.id ASC
    WITH k, topics, windowStart, windowEnd, wanted,
         collect({c: c, shared: shared, place: head(places), kinds: kinds, topicScore: topicScore, levelScore: levelScore,
                  period: period, timingScore: timingScore, capacityScore: capacityScore, hasAgreement: hasAgreement,
                  cap: cap, used: used, remaining: remaining, partial: partial}) AS rows
    WITH k, topics, windowStart, windowEnd, wanted, rows,
         CASE WHEN $limit IS NOT NULL AND size(rows) >= $limit THEN rows[toInteger($limit) - 1].partial ELSE -1.0 END AS kth
    UNWIND [r IN rows WHERE r.partial >= kth - $restMax - 0.000001][0..toInteger($maxCandidates)] AS r
    RETURN k.id AS caseId, size(topics) AS topicCount, toString(windowStart) AS windowStart,
           toString(windowEnd) AS windowEnd, wanted,
           {course: {id: r.c.id, name: r.c.name, kind: r.c.kind}, shared: r.shared, kinds: r.kinds,
            place: {programme: r.place.programme.name, institution: r.place.institution.name},
            topicScore: r.topicScore, levelScore: r.levelScore,
            period: CASE WHEN r.period IS NULL THEN null ELSE {id: r.period.id, name: r.period.name,
                    startDate: toString(r.period.startDate), endDate: toString(r.period.endDate)} END,
            timingScore: r.timingScore, capacityScore: r.capacityScore, hasAgreement: r.hasAgreement,
            cap: r.cap, used: r.used, remaining: r.remaining} AS r`;
  const rows = await tx.run(cypher, {
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
    limit: query.limit ?? null,
    maxCandidates: query.maxCandidates ?? 1_000_000,
  });
  return rows.map((row) => toCourseFit(row));
}

interface FitRow {
  course: { id: string; name: string; kind: string | null };
  shared: string[];
  place: { programme: string | null; institution: string | null } | null;
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
    programmeName: r.place?.programme ?? null,
    courseLevels: r.kinds,
    wantedLevels: (row.wanted as string[] | null) ?? [],
    topicCount: Number(row.topicCount),
    sharedTopics: r.shared,
    topicScore: r.topicScore,
    levelScore: r.levelScore,
    windowStart: String(row.windowStart),
    windowEnd: row.windowEnd === null || row.windowEnd === undefined ? null : String(row.windowEnd),
    period: r.period,
    timingScore: r.timingScore,
    capacityScore: r.capacityScore,
    hasAgreement: r.hasAgreement,
    casesPerPeriod: r.cap ?? null,
    // Counted only against a limit (see USED_PLACES_IF_LIMITED).
    usedPlaces: r.cap === null || r.cap === undefined ? null : (r.used ?? null),
    remainingPlaces: r.remaining ?? null,
  };
}

import { GOVERNING_AGREEMENT_IN_PERIOD } from "../agreements/index.js";
import { CATALOGUE_VERSION_SUBQUERY } from "../../platform/neo4j/statements.js";

/**
 * The Cypher of the matching suggestions, each statement whole but for the governing-agreement
 * rule, which the ranking shares with the capacity check (agreements/fragments.ts).
 * Snapshots: tests/snapshots/cypher/suggestions/.
 */

// ---- The suggestion count on a case card ----------------------------------------------------

/**
 * Recounts one case: how many courses share a topic with it at one of its wanted levels (only
 * courses are PART_OF a programme, so `c` needs no label).
 */
export const REFRESH_SUGGESTION_COUNT = /* cypher */ `
MATCH (k:Case {id: $id})
WITH k, coalesce(k.wantedLevels, []) AS wanted
SET k.suggestionCount = COUNT {
      MATCH (k)-[:ABOUT]->(:Topic)<-[:ABOUT]-(c:Course)-[:PART_OF]->(:Programme)-[:OFFERED_BY]->(i:Institution)
      WHERE i.kind IN wanted
      RETURN DISTINCT c },
    k.suggestionsCountedAt = datetime($now)`;

/**
 * Recounts every case in a suggesting status ($suggesting), reading the courses once: courses are grouped by (topic,
 * level), the cases by what their count depends on — the set of their topics and the set of their wanted levels (each
 * sorted, once) — and each such signature adds up the groups it matches once, for all its cases. Counting per case
 * instead cost cases × a fixed share of all courses: 8.5 minutes at XL (500,000 cases, 100,000 courses), where the
 * signatures are bounded by the vocabulary (docs/performance.md, "XL's first steps measured").
 * The groups are read after the cases are grouped, so that the big list is not a grouping key.
 */
export const REFRESH_SUGGESTION_COUNTS = /* cypher */ `
MATCH (k:Case) WHERE k.status IN $suggesting
WITH k,
     COLLECT { MATCH (k)-[:ABOUT]->(t:Topic) RETURN DISTINCT t.id AS id ORDER BY id } AS topics,
     COLLECT { UNWIND coalesce(k.wantedLevels, []) AS level RETURN DISTINCT level ORDER BY level } AS wanted
WITH topics, wanted, collect(k) AS cases
WITH collect({topics: topics, wanted: wanted, cases: cases}) AS signatures
CALL () {
  MATCH (t:Topic)<-[:ABOUT]-(c:Course)-[:PART_OF]->(:Programme)-[:OFFERED_BY]->(i:Institution)
  WITH t.id AS topic, i.kind AS kind, collect(DISTINCT c.id) AS courses
  RETURN collect({topic: topic, kind: kind, courses: courses}) AS groups
}
UNWIND signatures AS signature
CALL (signature, groups) {
  UNWIND [g IN groups WHERE g.topic IN signature.topics AND g.kind IN signature.wanted] AS g
  UNWIND g.courses AS courseId
  RETURN count(DISTINCT courseId) AS n
}
UNWIND signature.cases AS k
// Only counts that changed are written, so a repeated refresh (an idempotent import) changes nothing.
WITH k, n WHERE k.suggestionCount IS NULL OR k.suggestionCount <> n
SET k.suggestionCount = n, k.suggestionsCountedAt = datetime($now)
RETURN count(k) AS cases`;

// ---- Teacher signals: the case's scope and the track record ------------------------------------

/** Whether the case exists, and the workspaces of its coordinator (whose coordinators start the warm paths). */
export const READ_CASE_SCOPE = /* cypher */ `
OPTIONAL MATCH (k:Case {id: $caseId})
RETURN k IS NOT NULL AS caseExists,
       COLLECT { MATCH (k)-[:HANDLED_BY]->(:Person)-[:COORDINATOR_OF]->(w:Workspace) RETURN DISTINCT w.id } AS workspaces`;

/** The teachers of these courses (ids, distinct): whose warm paths the analytics worker is asked for. */
export const READ_TEACHERS_OF_COURSES = /* cypher */ `
UNWIND $courseIds AS courseId
MATCH (:Course {id: courseId})<-[:TEACHES]-(t:Person)
RETURN DISTINCT t.id AS id`;

/** The teachers of these courses with their track record, and whether $caseId was ever proposed to them. */
export const READ_TEACHER_RECORDS = /* cypher */ `
UNWIND $courseIds AS courseId
MATCH (c:Course {id: courseId})<-[:TEACHES]-(t:Person)
WITH t, collect(c.id) AS courseIds
CALL (t) {
  OPTIONAL MATCH (pr:Proposal)-[:TO_TEACHER]->(t)
  RETURN count(pr.answer) AS answered,
         count(CASE WHEN pr.answer IS NULL AND pr.withdrawnAt IS NULL AND pr.expiresAt < datetime($now) THEN 1 END) AS expired
}
CALL (t) {
  OPTIONAL MATCH (s:Sprint {status: 'COMPLETED'})-[:SUPERVISED_BY]->(t)
  RETURN count(s) AS completed, avg(s.smeRating) AS rating
}
RETURN t.id AS id, t.name AS name, courseIds, answered, expired, completed, rating,
       $caseId IS NOT NULL AND EXISTS { (:Case {id: $caseId})<-[:OF_CASE]-(:Proposal)-[:TO_TEACHER]->(t) } AS proposedForCase`;

// ---- The course catalogue (course-catalogue.ts): the courses' fixed facts, held in memory -----------------

/**
 * Every course with a programme of an institution (the others fit no case: their level is unknown): its name, kind,
 * element id, places (each with the institution's kind, ordered by programme id, then institution id), topics and
 * teaching periods (ids; READ_TEACHING_PERIODS).
 */
export const READ_COURSE_CATALOGUE = /* cypher */ `
MATCH (c:Course)
WITH c, COLLECT {
  MATCH (c)-[:PART_OF]->(pr:Programme)-[:OFFERED_BY]->(i:Institution)
  RETURN {programme: pr.name, programmeId: pr.id, programmeKey: elementId(pr),
          institution: i.name, institutionId: i.id, institutionKey: elementId(i), kind: i.kind} AS place
  ORDER BY pr.id, i.id
} AS places
WHERE size(places) > 0
RETURN c.id AS id, c.name AS name, c.kind AS kind, elementId(c) AS key, places,
       COLLECT { MATCH (c)-[:ABOUT]->(t:Topic) RETURN DISTINCT t.id } AS topics,
       COLLECT { MATCH (c)-[:RUNS_IN]->(p:TeachingPeriod) RETURN DISTINCT p.id } AS periodIds`;

/** Every teaching period: its name and dates (YYYY-MM-DD). */
export const READ_TEACHING_PERIODS = /* cypher */ `
MATCH (p:TeachingPeriod)
RETURN p.id AS id, p.name AS name, toString(p.startDate) AS startDate, toString(p.endDate) AS endDate`;

/** The vocabulary as the catalogue holds it: each topic's labels and the topics it is narrower than. */
export const READ_TOPIC_TREE = /* cypher */ `
MATCH (t:Topic)
RETURN t.id AS id, t.labelNl AS labelNl, t.labelEn AS labelEn,
       COLLECT { MATCH (t)-[:BROADER]->(b:Topic) RETURN DISTINCT b.id } AS broader`;

/**
 * What a case brings to its fits (readCourseFitsStatement's head, for one case), its scope (READ_CASE_SCOPE) and the
 * catalogue version, in one read.
 */
export const READ_CASE_FIT_FACTS = /* cypher */ `
${CATALOGUE_VERSION_SUBQUERY}
OPTIONAL MATCH (k:Case {id: $caseId})
RETURN catalogueVersion, k IS NOT NULL AS caseExists, k.id AS caseId,
       COLLECT { MATCH (k)-[a:ABOUT]->(t:Topic) RETURN {id: t.id, word: a.word} ORDER BY t.id } AS topics,
       // A period that has already begun cannot take the case, so the window opens today at the earliest.
       toString(CASE WHEN k.earliestStart IS NULL OR k.earliestStart < date($today) THEN date($today) ELSE k.earliestStart END) AS windowStart,
       toString(k.deadline) AS windowEnd,
       coalesce(k.wantedLevels, []) AS wanted, k.effort AS effort,
       COLLECT { MATCH (k)-[:HANDLED_BY]->(:Person)-[:COORDINATOR_OF]->(w:Workspace) RETURN DISTINCT w.id } AS workspaces`;

/**
 * The sprints that count against a limit ($pairs: [course id, period id]): per course and period those not cancelled,
 * as readCourseFitsStatement's bestPeriod counts them.
 */
export const COUNT_SPRINTS_IN_PERIODS = /* cypher */ `
UNWIND $pairs AS pair
MATCH (c:Course {id: pair[0]}), (p:TeachingPeriod {id: pair[1]})
RETURN c.id AS courseId, p.id AS periodId,
       COUNT { MATCH (s:Sprint)-[:IN_COURSE]->(c) WHERE s.status <> 'CANCELLED' AND (s)-[:IN_PERIOD]->(p) } AS used`;

// ---- Course fits: the factors that live in the graph's structure ----------------------------

/** The cases to score: by id ($caseIds), or the open ones never proposed to a teacher ($teacherId). */
export type CourseFitCases = "caseIds" | "openCasesNotProposedTo";
/** The courses to score: all, or by id ($courseIds). */
export type CourseFitCourses = "all" | "courseIds";
/** Every course's periods read ("every"), or only those of the courses that can still make the first $maxCandidates ("bounded"). */
export type CourseFitWeighing = "every" | "bounded";

/**
 * Scores courses for cases on topic overlap, level fit, timing and remaining capacity, picking per
 * course the best teaching period in the case's window; with $limit, courses that cannot reach the
 * top $limit even with a perfect teacher score ($restMax) are dropped in the database. Agreement
 * terms come from the $terms map (READ_AGREEMENT_TERMS), weights from $wTopic, $wLevel, $wTiming, $wCapacity.
 */
export function readCourseFitsStatement(
  cases: CourseFitCases,
  courses: CourseFitCourses,
  weighing: CourseFitWeighing = "every",
): string {
  const caseClause =
    cases === "caseIds"
      ? "UNWIND $caseIds AS caseId MATCH (k:Case {id: caseId})"
      : `MATCH (k:Case) WHERE k.status IN ['QUALIFIED', 'PROPOSED']
  AND NOT EXISTS { (k)<-[:OF_CASE]-(:Proposal)-[:TO_TEACHER]->(:Person {id: $teacherId}) }`;
  // From the case's topics out (server/domains/vocabulary): courses about the same topic, or about a broader or
  // narrower one (one BROADER step, $neighbourCredit). Per case topic the best match with each course counts.
  const courseFilter = courses === "all" ? "" : "\n  WHERE c.id IN $courseIds";
  const head = /* cypher */ `
${caseClause}
WITH k,
     COLLECT { MATCH (k)-[a:ABOUT]->(t:Topic) RETURN {id: t.id, word: a.word} ORDER BY t.id } AS topics,
     // A period that has already begun cannot take the case, so the window opens today at the earliest.
     CASE WHEN k.earliestStart IS NULL OR k.earliestStart < date($today) THEN date($today) ELSE k.earliestStart END AS windowStart,
     k.deadline AS windowEnd,
     coalesce(k.wantedLevels, []) AS wanted
WHERE size(topics) > 0
CALL (topics) {
  UNWIND topics AS ct
  MATCH (t:Topic {id: ct.id})
  CALL (t) {
    RETURN t AS m, 'SAME' AS relation, 1.0 AS credit
    UNION
    MATCH (t)-[:BROADER]->(m:Topic) RETURN m, 'BROADER' AS relation, $neighbourCredit AS credit
    UNION
    MATCH (t)<-[:BROADER]-(m:Topic) RETURN m, 'NARROWER' AS relation, $neighbourCredit AS credit
  }
  MATCH (m)<-[ca:ABOUT]-(c:Course)${courseFilter}
  WITH c, ct, m, relation, credit ORDER BY credit DESC, m.id ASC
  WITH c, ct, head(collect({caseTopicId: ct.id, caseWord: ct.word, courseTopicId: m.id, courseTopicNl: m.labelNl,
                            courseTopicEn: m.labelEn, relation: relation, credit: credit})) AS match
  WITH c, collect(match) AS shared
  MATCH (i:Institution)<-[:OFFERED_BY]-(pr:Programme)<-[:PART_OF]-(c)
  RETURN c, shared, collect({programme: pr, institution: i}) AS places, collect(DISTINCT i.kind) AS kinds
}
WITH k, topics, windowStart, windowEnd, wanted, c, shared, places, kinds,
     reduce(s = 0.0, x IN shared | s + x.credit) / size(topics) AS topicScore,
     CASE WHEN size(wanted) = 0 THEN 0.5 WHEN any(x IN kinds WHERE x IN wanted) THEN 1.0 ELSE 0.0 END AS levelScore,
     coalesce($terms[elementId(c)], []) AS directTerms,
     reduce(acc = [], x IN places | acc + coalesce($terms[elementId(x.programme)], [])) AS programmeTerms,
     reduce(acc = [], x IN places | acc + coalesce($terms[elementId(x.institution)], [])) AS institutionTerms`;
  const tail = /* cypher */ `
WITH k, topics, windowStart, windowEnd, wanted, rows,
     CASE WHEN $limit IS NOT NULL AND size(rows) >= $limit THEN rows[toInteger($limit) - 1].partial ELSE -1.0 END AS kth
UNWIND [r IN rows WHERE r.partial >= kth - $restMax - 0.000001][0..toInteger($maxCandidates)] AS r
RETURN k.id AS caseId, size(topics) AS topicCount, toString(windowStart) AS windowStart,
       toString(windowEnd) AS windowEnd, wanted, k.effort AS effort,
       {course: {id: r.c.id, name: r.c.name, kind: r.c.kind}, shared: r.shared, kinds: r.kinds,
        place: {programme: r.place.programme.name, programmeId: r.place.programme.id,
               institution: r.place.institution.name, institutionId: r.place.institution.id},
        topicScore: r.topicScore, levelScore: r.levelScore,
        period: CASE WHEN r.period IS NULL THEN null ELSE {id: r.period.id, name: r.period.name,
                startDate: toString(r.period.startDate), endDate: toString(r.period.endDate)} END,
        timingScore: r.timingScore, capacityScore: r.capacityScore, hasAgreement: r.hasAgreement,
        cap: r.cap, used: r.used, remaining: r.remaining} AS r`;
  if (weighing === "every") {
    return `${head}
${bestPeriod("c", "directTerms", "programmeTerms", "institutionTerms")}
WITH k, topics, windowStart, windowEnd, wanted, c, shared, places, kinds, topicScore, levelScore,
     period, coalesce(timing, 0.0) AS timingScore, coalesce(capacity, 0.0) AS capacityScore,
     coalesce(hasAgreement, false) AS hasAgreement, cap, used, remaining
WITH *, $wTopic * topicScore + $wLevel * levelScore + $wTiming * timingScore + $wCapacity * capacityScore AS partial
ORDER BY partial DESC, c.name ASC, c.id ASC
WITH k, topics, windowStart, windowEnd, wanted,
     collect({c: c, shared: shared, place: head(places), kinds: kinds, topicScore: topicScore, levelScore: levelScore,
              period: period, timingScore: timingScore, capacityScore: capacityScore, hasAgreement: hasAgreement,
              cap: cap, used: used, remaining: remaining, partial: partial}) AS rows${tail}`;
  }
  // "bounded": the periods, agreements and sprints (the per-course reads) only of the courses that can still be among
  // the first $maxCandidates. A course's partial is at most its bound: timing 1, and capacity 1 where some agreement's
  // terms name the course, its programme or its institution, 0.25 where none does (no agreement governs then). The
  // $weighFirst courses of the highest bound are weighed first; the $maxCandidates-th best of them (partial, name, id)
  // is a floor the first $maxCandidates of all reach, so of the rest only those whose bound reaches it are weighed too.
  // Same rows as "every" (same products and sums, bound >= partial in floating point as every term is >=).
  const weigh = (list: string, into: string) => /* cypher */ `
  UNWIND ${list} AS x
  WITH x, x.c AS c, x.directTerms AS directTerms, x.programmeTerms AS programmeTerms, x.institutionTerms AS institutionTerms
  ${bestPeriod("c", "directTerms", "programmeTerms", "institutionTerms").replaceAll("\n", "\n  ")}
  WITH x, c, period, coalesce(timing, 0.0) AS timingScore, coalesce(capacity, 0.0) AS capacityScore,
       coalesce(hasAgreement, false) AS hasAgreement, cap, used, remaining
  WITH *, $wTopic * x.topicScore + $wLevel * x.levelScore + $wTiming * timingScore + $wCapacity * capacityScore AS partial
  ORDER BY partial DESC, c.name ASC, c.id ASC
  RETURN collect({c: c, shared: x.shared, place: head(x.places), kinds: x.kinds, topicScore: x.topicScore,
                  levelScore: x.levelScore, period: period, timingScore: timingScore, capacityScore: capacityScore,
                  hasAgreement: hasAgreement, cap: cap, used: used, remaining: remaining, partial: partial}) AS ${into}`;
  return `${head}
WITH *, $wTopic * topicScore + $wLevel * levelScore + $wTiming * 1.0 +
        $wCapacity * CASE WHEN size(directTerms) + size(programmeTerms) + size(institutionTerms) > 0 THEN 1.0 ELSE 0.25 END AS bound
ORDER BY bound DESC
WITH k, topics, windowStart, windowEnd, wanted,
     collect({c: c, shared: shared, places: places, kinds: kinds, topicScore: topicScore, levelScore: levelScore,
              directTerms: directTerms, programmeTerms: programmeTerms, institutionTerms: institutionTerms,
              bound: bound}) AS candidates
CALL (candidates, windowStart, windowEnd) {${weigh("candidates[0..toInteger($weighFirst)]", "first")}
}
WITH k, topics, windowStart, windowEnd, wanted, candidates, first,
     CASE WHEN size(first) >= $maxCandidates THEN first[toInteger($maxCandidates) - 1].partial ELSE null END AS floor
CALL (candidates, floor, windowStart, windowEnd) {${weigh(
    "[x IN candidates[toInteger($weighFirst)..] WHERE floor IS NULL OR x.bound >= floor - 0.000000001]",
    "more",
  )}
}
UNWIND first + more AS r
WITH k, topics, windowStart, windowEnd, wanted, r ORDER BY r.partial DESC, r.c.name ASC, r.c.id ASC
WITH k, topics, windowStart, windowEnd, wanted, collect(r) AS rows${tail}`;
}

/** Per course the best teaching period in the case's window, with its timing, capacity and agreement. */
function bestPeriod(c: string, directTerms: string, programmeTerms: string, institutionTerms: string): string {
  const governingAgreementInPeriod = GOVERNING_AGREEMENT_IN_PERIOD.replaceAll("\n", "\n  ");
  return /* cypher */ `OPTIONAL CALL (${c}, windowStart, windowEnd, ${directTerms}, ${programmeTerms}, ${institutionTerms}) {
  MATCH (${c})-[:RUNS_IN]->(p:TeachingPeriod)
  WHERE p.startDate >= windowStart AND (windowEnd IS NULL OR p.startDate < windowEnd)
  WITH ${c}, p, ${directTerms}, ${programmeTerms}, ${institutionTerms}, toString(p.startDate) AS periodStart,
       CASE WHEN windowEnd IS NULL OR p.endDate <= windowEnd THEN 1.0 ELSE 0.5 END AS timing
  ${governingAgreementInPeriod}
  // Sprints only matter where there is a limit to count them against.
  WITH *, CASE WHEN cap IS NULL THEN 0
               ELSE COUNT { MATCH (s:Sprint)-[:IN_COURSE]->(${c}) WHERE s.status <> 'CANCELLED' AND (s)-[:IN_PERIOD]->(p) } END AS used
  WITH p, timing, hasAgreement, cap, used,
       CASE WHEN NOT hasAgreement OR cap IS NULL THEN null ELSE cap - used END AS remaining
  WITH p, timing, hasAgreement, cap, used, remaining,
       CASE WHEN NOT hasAgreement THEN 0.25 WHEN cap IS NULL THEN 1.0
            WHEN remaining >= 2 THEN 1.0 WHEN remaining = 1 THEN 0.75 ELSE 0.0 END AS capacity
  ORDER BY $wTiming * timing + $wCapacity * capacity DESC, p.startDate ASC, p.id ASC
  LIMIT 1
  RETURN p AS period, timing, capacity, hasAgreement, cap, used, remaining
}`;
}

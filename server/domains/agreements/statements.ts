import { GOVERNING_AGREEMENT_IN_PERIOD } from "./fragments.js";

/**
 * The Cypher of agreements and capacity, each statement whole (the governing-agreement rule is a
 * fragment shared with the suggestion ranking: fragments.ts). Snapshots: tests/snapshots/cypher/agreements/.
 */

/**
 * Every agreement's terms, keyed by the element id of what it covers (a course, programme or
 * institution); the suggestion ranking takes them as its $terms map.
 */
export const READ_AGREEMENT_TERMS = /* cypher */ `
MATCH (a:Agreement)-[:COVERS]->(x)
WHERE x:Course OR x:Programme OR x:Institution
RETURN elementId(x) AS key,
       toString(a.validFrom) AS validFrom, toString(a.validTo) AS validTo, a.casesPerPeriod AS cap`;

/**
 * The capacity of courses in periods ($pairs: courseId, periodId): the agreement terms of each course
 * (its own, its programme's and its institution's, each with the agreement's id), the one that
 * governs on the period's start, and the sprints already in that course and period (cancelled
 * ones aside). matchCase's check and every capacity the client shows come from here.
 */
export const READ_CAPACITIES = /* cypher */ `
UNWIND $pairs AS pair
MATCH (c:Course {id: pair.courseId}), (p:TeachingPeriod {id: pair.periodId})
WITH c, p, toString(p.startDate) AS periodStart
WITH *, COLLECT { MATCH (a:Agreement)-[:COVERS]->(c) RETURN [toString(a.validFrom), toString(a.validTo), a.casesPerPeriod, a.id] } AS directTerms,
        COLLECT { MATCH (a:Agreement)-[:COVERS]->(:Programme)<-[:PART_OF]-(c) RETURN [toString(a.validFrom), toString(a.validTo), a.casesPerPeriod, a.id] } AS programmeTerms,
        COLLECT { MATCH (a:Agreement)-[:COVERS]->(:Institution)<-[:OFFERED_BY]-(:Programme)<-[:PART_OF]-(c)
                  RETURN [toString(a.validFrom), toString(a.validTo), a.casesPerPeriod, a.id] } AS institutionTerms
${GOVERNING_AGREEMENT_IN_PERIOD}
WITH *, COUNT { MATCH (s:Sprint)-[:IN_COURSE]->(c) WHERE s.status <> 'CANCELLED' AND (s)-[:IN_PERIOD]->(p) } AS used
RETURN c.id AS courseId, p.id AS periodId, c.name AS courseName, p.name AS periodName, p.academicYear AS academicYear, periodStart,
       EXISTS { (c)-[:RUNS_IN]->(p) } AS runsInPeriod, hasAgreement, cap, used,
       head([g IN governing WHERE g[2] IS NULL OR g[2] = cap | g[3]]) AS governingAgreementId`;

/**
 * Per agreement ($agreementIds), every course it covers (directly, through its programme or its
 * institution) with every period the course runs in that starts while the agreement is valid.
 */
export const READ_AGREEMENT_COURSE_PERIODS = /* cypher */ `
UNWIND $agreementIds AS agreementId
MATCH (a:Agreement {id: agreementId})
CALL (a) {
  CALL (a) {
    MATCH (a)-[:COVERS]->(c:Course) RETURN c
    UNION
    MATCH (a)-[:COVERS]->(:Programme)<-[:PART_OF]-(c:Course) RETURN c
    UNION
    MATCH (a)-[:COVERS]->(:Institution)<-[:OFFERED_BY]-(:Programme)<-[:PART_OF]-(c:Course) RETURN c
  }
  MATCH (c)-[:RUNS_IN]->(p:TeachingPeriod)
  WHERE (a.validFrom IS NULL OR a.validFrom <= p.startDate) AND (a.validTo IS NULL OR a.validTo >= p.startDate)
  RETURN collect({courseId: c.id, periodId: p.id}) AS pairs
}
RETURN a.id AS agreementId, pairs`;

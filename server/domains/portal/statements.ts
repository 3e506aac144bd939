/**
 * The Cypher of the institution portal (issue #18), each statement whole: what a portal user's Person reaches in the
 * graph, and the rows of their portal, each read only within that reach. Snapshots: tests/snapshots/cypher/portal/.
 */

/**
 * What a person reaches (docs/security.md "The institution portal"): the courses they teach; with `$wide` (an
 * INSTITUTION_CONTACT account) also the programmes they coordinate or direct and the programmes of the institutions
 * they are dean of, with all those programmes' courses. `programmeIds` adds the programmes of the courses taught.
 */
export const READ_PORTAL_SCOPE = /* cypher */ `
MATCH (me:Person {id: $personId})
WITH me,
     COLLECT { MATCH (me)-[:TEACHES]->(c:Course) RETURN DISTINCT c.id } AS taught,
     CASE WHEN $wide THEN COLLECT { MATCH (me)-[:COORDINATES|DIRECTS]->(pr:Programme) RETURN DISTINCT pr.id } ELSE [] END AS led,
     CASE WHEN $wide THEN COLLECT { MATCH (me)-[:DEAN_OF]->(:Institution)<-[:OFFERED_BY]-(pr:Programme) RETURN DISTINCT pr.id }
          ELSE [] END AS deaned
WITH me, taught, led + [x IN deaned WHERE NOT x IN led] AS ledProgrammes
WITH me, taught, ledProgrammes,
     COLLECT { MATCH (c:Course)-[:PART_OF]->(pr:Programme) WHERE pr.id IN ledProgrammes RETURN DISTINCT c.id } AS ledCourses,
     COLLECT { MATCH (c:Course)-[:PART_OF]->(pr:Programme) WHERE c.id IN taught RETURN DISTINCT pr.id } AS taughtProgrammes
RETURN me.id AS personId, me.name AS personName, me.jobTitle AS jobTitle, taught, ledProgrammes,
       taught + [x IN ledCourses WHERE NOT x IN taught] AS courseIds,
       ledProgrammes + [x IN taughtProgrammes WHERE NOT x IN ledProgrammes] AS programmeIds`;

/** The programmes of the scope, with their institution and the scope's courses in each. */
export const READ_PORTAL_PROGRAMMES = /* cypher */ `
UNWIND $programmeIds AS programmeId
MATCH (pr:Programme {id: programmeId})
OPTIONAL MATCH (pr)-[:OFFERED_BY]->(i:Institution)
WITH pr, head(collect(i)) AS i
RETURN pr.id AS id, pr.name AS name, pr.level AS level, i.id AS institutionId, i.name AS institutionName,
       pr.id IN $ledProgrammes AS led
ORDER BY name, id`;

/** The courses of the scope, each with its programme and whether the person teaches it. */
export const READ_PORTAL_COURSES = /* cypher */ `
UNWIND $courseIds AS courseId
MATCH (c:Course {id: courseId})
OPTIONAL MATCH (c)-[:PART_OF]->(pr:Programme)
WITH c, head(collect(pr)) AS pr
RETURN c.id AS id, c.name AS name, c.kind AS kind, c.studyYear AS studyYear, pr.id AS programmeId, pr.name AS programmeName,
       EXISTS { (:Person {id: $personId})-[:TEACHES]->(c) } AS teaches
ORDER BY programmeName, name, id`;

/** The cases open to claims: qualified or proposed, not yet matched (the cases teachers' digests offer). */
export const READ_OPEN_CASE_IDS = /* cypher */ `
MATCH (k:Case) WHERE k.status IN ['QUALIFIED', 'PROPOSED'] AND EXISTS { (k)-[:ABOUT]->(:Topic) }
RETURN k.id AS id`;

/** What the portal shows of cases (what a teacher's digest quotes), by id. */
export const READ_PORTAL_CASES = /* cypher */ `
UNWIND $ids AS id MATCH (k:Case {id: id})
OPTIONAL MATCH (k)<-[:ASKED]-(s:Sme)
WITH k, head(collect(s)) AS s
RETURN k.id AS id, k.title AS title, k.question AS question, k.status AS status,
       COLLECT { MATCH (k)-[:ABOUT]->(t:Topic) RETURN {nl: t.labelNl, en: t.labelEn} ORDER BY t.id } AS topicLabels,
       coalesce(k.wantedLevels, []) AS wantedLevels, k.effort AS effort, toString(k.earliestStart) AS earliestStart,
       toString(k.deadline) AS deadline, s.name AS smeName, s.city AS smeCity`;

/**
 * Whether the case reaches the scope other than by fitting: a proposal for one of its courses or to the person, a
 * forward by the person, or a sprint in one of its courses.
 */
export const READ_CASE_REACH = /* cypher */ `
MATCH (k:Case {id: $caseId})
RETURN k.status AS status,
       EXISTS { (k)<-[:OF_CASE]-(p:Proposal)-[:FOR_COURSE]->(c:Course) WHERE c.id IN $courseIds } OR
       EXISTS { (k)<-[:OF_CASE]-(:Proposal)-[:TO_TEACHER]->(:Person {id: $personId}) } OR
       EXISTS { (k)<-[:OF_CASE]-(:Proposal {forwardedBy: $personId}) } OR
       EXISTS { (k)<-[:FOR_CASE]-(:Sprint)-[:IN_COURSE]->(c:Course) WHERE c.id IN $courseIds } AS linked`;

/**
 * The scope's proposals that wait for someone: open ones (unanswered, not withdrawn, not expired) for its courses, to
 * the person or forwarded by them, and claims a coordinator has not decided yet. Newest first.
 */
export const READ_PORTAL_PROPOSAL_IDS = /* cypher */ `
CALL () {
  MATCH (p:Proposal)-[:TO_TEACHER]->(:Person {id: $personId}) RETURN p
  UNION
  MATCH (c:Course)<-[:FOR_COURSE]-(p:Proposal) WHERE c.id IN $courseIds RETURN p
  UNION
  MATCH (p:Proposal {forwardedBy: $personId}) RETURN p
}
WITH p WHERE (p.answer IS NULL AND p.withdrawnAt IS NULL AND p.expiresAt >= datetime($now)) OR p.claimState = 'PENDING'
RETURN p.id AS id ORDER BY p.sentAt DESC, p.id LIMIT 200`;

/** A proposal the person may answer: to them, open. */
export const READ_OWN_PROPOSAL = /* cypher */ `
MATCH (p:Proposal {id: $proposalId})-[:TO_TEACHER]->(:Person {id: $personId})
RETURN p.id AS id`;

/** The sprints of the scope's courses that are planned or running. */
export const READ_PORTAL_SPRINTS = /* cypher */ `
MATCH (c:Course)<-[:IN_COURSE]-(s:Sprint)-[:FOR_CASE]->(k:Case)
WHERE c.id IN $courseIds AND s.status IN ['PLANNED', 'RUNNING']
OPTIONAL MATCH (s)-[:IN_PERIOD]->(tp:TeachingPeriod)
WITH s, c, k, head(collect(tp)) AS tp
RETURN s.id AS id, s.status AS status, k.id AS caseId, k.title AS caseTitle, c.id AS courseId, c.name AS courseName,
       tp.name AS periodName, toString(s.startDate) AS startDate, toString(s.endDate) AS endDate, s.teamSize AS teamSize
ORDER BY coalesce(s.startDate, tp.startDate), s.id`;

/**
 * The agreements valid on $today that cover one of the scope's courses or programmes, or the institution of one of
 * its programmes; what each covers is named only within the scope (and the institution).
 */
export const READ_PORTAL_AGREEMENTS = /* cypher */ `
MATCH (a:Agreement)-[:COVERS]->(x)
WHERE (a.validTo IS NULL OR a.validTo >= date($today))
  AND ((x:Course AND x.id IN $courseIds) OR (x:Programme AND x.id IN $programmeIds)
       OR (x:Institution AND EXISTS { (x)<-[:OFFERED_BY]-(pr:Programme) WHERE pr.id IN $programmeIds }))
WITH DISTINCT a
RETURN a.id AS id, a.scope AS scope, a.casesPerPeriod AS casesPerPeriod, a.structural AS structural,
       coalesce(a.assignmentTypes, []) AS assignmentTypes, toString(a.validFrom) AS validFrom, toString(a.validTo) AS validTo,
       COLLECT { MATCH (a)-[:COVERS]->(y)
                 WHERE (y:Course AND y.id IN $courseIds) OR (y:Programme AND y.id IN $programmeIds) OR y:Institution
                 RETURN y.name ORDER BY y.name } AS covers
ORDER BY a.validFrom, a.id`;

/**
 * A colleague named by id: the scope's programmes they belong to — teaching one of its courses, coordinating or
 * directing it, or introduced into it before (an interaction about the programme with them).
 */
export const READ_COLLEAGUE_PROGRAMMES = /* cypher */ `
MATCH (x:Person {id: $colleagueId}) WHERE x.erasedAt IS NULL
OPTIONAL CALL (x) {
  MATCH (x)-[:TEACHES]->(:Course)-[:PART_OF]->(pr:Programme) WHERE pr.id IN $programmeIds RETURN pr.id AS programmeId
  UNION
  MATCH (x)-[:COORDINATES|DIRECTS]->(pr:Programme) WHERE pr.id IN $programmeIds RETURN pr.id AS programmeId
  UNION
  // Introduced by the forwarder themself (an earlier forward): the coordinators' own outreach is not theirs to see.
  MATCH (:Person {id: $personId})-[:INITIATED]->(i:Interaction)-[:WITH]->(x), (i)-[:ABOUT]->(pr:Programme)
  WHERE pr.id IN $programmeIds
  RETURN pr.id AS programmeId
}
RETURN x.id AS id, collect(programmeId) AS programmeIds`;

/**
 * The colleagues a portal user may forward a case to (#18), per programme they reach: whoever teaches a course of it,
 * coordinates or directs it, or was introduced about it by the user themself (an earlier forward) — the same people
 * READ_COLLEAGUE_PROGRAMMES accepts. Names only: no e-mail, phone or note leaves here. Not the user, not an erased person.
 */
export const READ_PORTAL_COLLEAGUES = /* cypher */ `
UNWIND $programmeIds AS programmeId
MATCH (pr:Programme {id: programmeId})
CALL (pr) {
  MATCH (x:Person)-[:TEACHES]->(:Course)-[:PART_OF]->(pr) RETURN x, 'TEACHES' AS relation
  UNION
  MATCH (x:Person)-[:COORDINATES]->(pr) RETURN x, 'COORDINATES' AS relation
  UNION
  MATCH (x:Person)-[:DIRECTS]->(pr) RETURN x, 'DIRECTS' AS relation
  UNION
  MATCH (:Person {id: $personId})-[:INITIATED]->(i:Interaction)-[:WITH]->(x:Person) WHERE (i)-[:ABOUT]->(pr)
  RETURN x, 'INTRODUCED' AS relation
}
WITH pr, x, relation WHERE x.id <> $personId AND x.erasedAt IS NULL
WITH pr, x, collect(DISTINCT relation) AS relations
RETURN x.id AS id, x.name AS name, pr.id AS programmeId, pr.name AS programmeName, relations
ORDER BY toLower(x.name), x.id, pr.name
LIMIT 500`;

/** A person by e-mail anywhere in the graph (as intake finds a contact): the one a forward names, if known. */
export const FIND_PERSON_BY_EMAIL = /* cypher */ `
MATCH (p:Person) WHERE toLower(trim(p.email)) = $email
WITH p ORDER BY p.id LIMIT 1
SET p.jobTitle = coalesce(p.jobTitle, $jobTitle)
RETURN p.id AS id`;

/** A person of the same name in the programme (teaching, coordinating, directing, or introduced into it before). */
export const FIND_PERSON_IN_PROGRAMME_BY_NAME = /* cypher */ `
MATCH (pr:Programme {id: $programmeId})
CALL (pr) {
  MATCH (p:Person)-[:TEACHES]->(:Course)-[:PART_OF]->(pr) RETURN p
  UNION
  MATCH (p:Person)-[:COORDINATES|DIRECTS]->(pr) RETURN p
  UNION
  MATCH (p:Person)<-[:WITH]-(:Interaction)-[:ABOUT]->(pr) RETURN p
}
WITH p WHERE toLower(trim(p.name)) = $nameKey
WITH p ORDER BY p.id LIMIT 1
SET p.email = coalesce(p.email, $email), p.jobTitle = coalesce(p.jobTitle, $jobTitle)
RETURN p.id AS id`;

/** $id is derived from the programme and the name, so two concurrent forwards make one person. */
export const MERGE_COLLEAGUE = /* cypher */ `
MERGE (p:Person {id: $id})
ON CREATE SET p.name = $name, p.email = $email, p.jobTitle = $jobTitle
RETURN p.id AS id`;

/** Whether the colleague teaches the course (a forward then names it). */
export const READ_TEACHES = /* cypher */ `
RETURN EXISTS { (:Person {id: $personId})-[:TEACHES]->(:Course {id: $courseId}) } AS teaches`;

/** The live (pending or confirmed) claims of these case–course pairs. */
export const READ_LIVE_CLAIMS = /* cypher */ `
UNWIND $pairs AS pair
MATCH (:Case {id: pair.caseId})<-[:OF_CASE]-(p:Proposal {origin: 'CLAIM'})-[:FOR_COURSE]->(:Course {id: pair.courseId})
WHERE p.claimState IN ['PENDING', 'CONFIRMED']
RETURN pair.caseId AS caseId, pair.courseId AS courseId, head(collect(p.claimState)) AS state`;

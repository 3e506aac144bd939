/**
 * The Cypher of outreach (interactions, example assignments, the mapping table), each statement
 * whole but for the projection of an interaction, which three statements share so that every
 * interaction reaches the API in one shape (toOutreachInteraction). Snapshots: tests/snapshots/cypher/outreach/.
 */

/**
 * The map projection of an interaction in the shape of OutreachInteraction. logInteraction records
 * one initiator and one person contacted; should imported data hold more, one of them is shown.
 * Expects `x` bound to an :Interaction; is an expression (a map), binds nothing.
 */
const INTERACTION_PROJECTION = /* cypher */ `x {
  .id, date: toString(x.date), .channel, .result, .note,
  by: head([(b:Person)-[:INITIATED]->(x) | b {.id, .name, .email}]),
  with: head([(x)-[:WITH]->(w:Person) | w {.id, .name, .email}]),
  aboutProgramme: head([(x)-[:ABOUT]->(ap:Programme) | ap {.id, .name}]),
  aboutCourse: head([(x)-[:ABOUT]->(ac:Course) | ac {.id, .name}]),
  introducedBy: head([(x)-[:INTRODUCED_BY]->(ib:Person) | ib {.id, .name, .email}])
}`;

// ---- Mapping status: a programme or course, locked before it is read ---------------------------

/** Takes the programme's write lock (the property is gone again in the same statement) and reads its mapping status. */
export const LOCK_AND_READ_PROGRAMME = /* cypher */ `
MATCH (n:Programme {id: $id})
SET n._lock = true REMOVE n._lock
RETURN n.name AS name, coalesce(n.mappingStatus, 'NOT_APPROACHED') AS status`;

/** As LOCK_AND_READ_PROGRAMME, for a course. */
export const LOCK_AND_READ_COURSE = /* cypher */ `
MATCH (n:Course {id: $id})
SET n._lock = true REMOVE n._lock
RETURN n.name AS name, coalesce(n.mappingStatus, 'NOT_APPROACHED') AS status`;

export const WRITE_PROGRAMME_MAPPING_STATUS = /* cypher */ `
MATCH (n:Programme {id: $id})
SET n.mappingStatus = $status`;

export const WRITE_COURSE_MAPPING_STATUS = /* cypher */ `
MATCH (n:Course {id: $id})
SET n.mappingStatus = $status`;

// ---- Interactions ---------------------------------------------------------------------------

/** Which of the people, programme and course an interaction names exist, and whether the course is part of the programme. */
export const READ_INTERACTION_REFERENCES = /* cypher */ `
OPTIONAL MATCH (b:Person {id: $by})
OPTIONAL MATCH (w:Person {id: $with})
OPTIONAL MATCH (p:Programme {id: $programme})
OPTIONAL MATCH (c:Course {id: $course})
OPTIONAL MATCH (ib:Person {id: $introducedBy})
RETURN b IS NOT NULL AS by, w IS NOT NULL AS with, p IS NOT NULL AS programme, c IS NOT NULL AS course,
       ib IS NOT NULL AS introducedBy,
       CASE WHEN p IS NULL OR c IS NULL THEN true ELSE EXISTS { (c)-[:PART_OF]->(p) } END AS coursePartOfProgramme`;

/** The interaction with INITIATED, WITH and (when given) ABOUT its programme and course and INTRODUCED_BY its introducer. */
export const CREATE_INTERACTION = /* cypher */ `
MATCH (b:Person {id: $by}), (w:Person {id: $with})
CREATE (b)-[:INITIATED]->(x:Interaction {
  id: coalesce($id, randomUUID()), date: date($date), channel: $channel, loggedAt: datetime()
})-[:WITH]->(w)
SET x.result = $result, x.note = $note
WITH x
CALL (x) {
  MATCH (p:Programme {id: $aboutProgramme}) CREATE (x)-[:ABOUT]->(p)
}
CALL (x) {
  MATCH (c:Course {id: $aboutCourse}) CREATE (x)-[:ABOUT]->(c)
}
CALL (x) {
  MATCH (ib:Person {id: $introducedBy}) CREATE (x)-[:INTRODUCED_BY]->(ib)
}
RETURN ${INTERACTION_PROJECTION} AS interaction`;

/** Whether the ids a log filter names exist (null: not filtered on). */
export const READ_LOG_FILTER_REFERENCES = /* cypher */ `
RETURN $person IS NULL OR EXISTS { (:Person {id: $person}) } AS person,
       $programme IS NULL OR EXISTS { (:Programme {id: $programme}) } AS programme,
       $course IS NULL OR EXISTS { (:Course {id: $course}) } AS course`;

/**
 * The interaction log, filtered: newest date first; on one date, the latest logged first (imported
 * interactions have no loggedAt).
 */
export const READ_INTERACTION_LOG = /* cypher */ `
MATCH (x:Interaction)
WHERE ($from IS NULL OR x.date >= date($from)) AND ($to IS NULL OR x.date <= date($to))
  AND ($person IS NULL OR EXISTS { (:Person {id: $person})-[:INITIATED]->(x) } OR EXISTS { (x)-[:WITH]->(:Person {id: $person}) })
  AND ($programme IS NULL OR EXISTS { (x)-[:ABOUT]->(:Programme {id: $programme}) }
       OR EXISTS { (x)-[:ABOUT]->(:Course)-[:PART_OF]->(:Programme {id: $programme}) })
  AND ($course IS NULL OR EXISTS { (x)-[:ABOUT]->(:Course {id: $course}) })
WITH x ORDER BY x.date DESC, coalesce(x.loggedAt, datetime('1970-01-01T00:00:00Z')) DESC, x.id DESC LIMIT toInteger($limit)
RETURN ${INTERACTION_PROJECTION} AS interaction`;

// ---- Example assignments --------------------------------------------------------------------

export const READ_TEACHER = /* cypher */ `
MATCH (t:Person {id: $id})
RETURN t {.id, .name, .email} AS teacher`;

export const CREATE_EXAMPLE_ASSIGNMENT = /* cypher */ `
MATCH (t:Person {id: $teacher}), (c:Course {id: $course})
CREATE (t)<-[:FROM_TEACHER]-(e:ExampleAssignment {id: randomUUID(), title: $title, received: date($received)})-[:FOR_COURSE]->(c)
SET e.description = $description
RETURN e.id AS id`;

// ---- The mapping table ----------------------------------------------------------------------

/** The rows of the programmes matched as (p, i): the programme's own row and its courses', with what each shows. */
const MAPPING_ROWS = /* cypher */ `CALL (p, i) {
  WITH p, i
  WHERE $status IS NULL OR coalesce(p.mappingStatus, 'NOT_APPROACHED') = $status
  RETURN 'PROGRAMME' AS kind, p AS subject, 0 AS sortKind
  UNION
  WITH p, i
  MATCH (c:Course)-[:PART_OF]->(p)
  WHERE $status IS NULL OR coalesce(c.mappingStatus, 'NOT_APPROACHED') = $status
  RETURN 'COURSE' AS kind, c AS subject, 1 AS sortKind
}
// The courses a row speaks for: the course itself, or the programme's courses.
WITH p, i, kind, subject, sortKind,
     CASE kind WHEN 'COURSE' THEN [subject] ELSE [(c:Course)-[:PART_OF]->(subject) | c] END AS courses
CALL (courses) {
  UNWIND courses AS c
  MATCH (t:Person)-[:TEACHES]->(c)
  WITH DISTINCT t ORDER BY t.name, t.id
  RETURN collect(t {.id, .name, .email}) AS teachers
}
CALL (subject, courses) {
  UNWIND [subject] + courses AS target
  MATCH (x:Interaction)-[:ABOUT]->(target)
  WITH DISTINCT x ORDER BY x.date DESC, coalesce(x.loggedAt, datetime('1970-01-01T00:00:00Z')) DESC, x.id DESC
  RETURN count(x) AS interactionCount, head(collect(${INTERACTION_PROJECTION})) AS lastInteraction
}
CALL (courses) {
  UNWIND courses AS c
  MATCH (e:ExampleAssignment)-[:FOR_COURSE]->(c)
  RETURN count(DISTINCT e) AS exampleAssignmentCount
}
RETURN kind, subject.id AS id, subject.name AS name,
       coalesce(subject.mappingStatus, 'NOT_APPROACHED') AS status,
       i.id AS institutionId, i.name AS institutionName, p.id AS programmeId, p.name AS programmeName,
       teachers, lastInteraction, interactionCount, exampleAssignmentCount
`;

/**
 * Every programme, and every course under each programme it is part of, with its mapping status,
 * teachers, latest interaction (ordered as READ_INTERACTION_LOG) and counts. Courses that belong to
 * no programme are not listed. Sorted by institution, programme (the programme's own row first), course.
 */
export const READ_MAPPING_TABLE = /* cypher */ `
MATCH (p:Programme)-[:OFFERED_BY]->(i:Institution)
WHERE $institution IS NULL OR i.id = $institution
${MAPPING_ROWS}ORDER BY institutionName, institutionId, programmeName, programmeId, sortKind, name, id`;

/**
 * A page of the mapping table (issue #17 part 7: 9,361 px on the demo data unpaged): the programmes of the filter
 * in table order (institution, programme), the page's $limit of them from $offset, with the same rows as
 * READ_MAPPING_TABLE. A programme is listed when it or one of its courses has the status asked, so a group
 * is never split across pages. Counted by COUNT_MAPPING_TABLE_PROGRAMMES.
 */
export const READ_MAPPING_TABLE_PAGE = /* cypher */ `
MATCH (p:Programme)-[:OFFERED_BY]->(i:Institution)
WHERE ($institution IS NULL OR i.id = $institution)
  AND ($status IS NULL OR coalesce(p.mappingStatus, 'NOT_APPROACHED') = $status
       OR EXISTS { MATCH (c:Course)-[:PART_OF]->(p) WHERE coalesce(c.mappingStatus, 'NOT_APPROACHED') = $status })
WITH p, i ORDER BY i.name, i.id, p.name, p.id SKIP toInteger($offset) LIMIT toInteger($limit)
${MAPPING_ROWS}ORDER BY institutionName, institutionId, programmeName, programmeId, sortKind, name, id`;

/** How many programmes READ_MAPPING_TABLE_PAGE pages through, and how many institutions they are at. */
export const COUNT_MAPPING_TABLE_PROGRAMMES = /* cypher */ `
MATCH (p:Programme)-[:OFFERED_BY]->(i:Institution)
WHERE ($institution IS NULL OR i.id = $institution)
  AND ($status IS NULL OR coalesce(p.mappingStatus, 'NOT_APPROACHED') = $status
       OR EXISTS { MATCH (c:Course)-[:PART_OF]->(p) WHERE coalesce(c.mappingStatus, 'NOT_APPROACHED') = $status })
RETURN count(DISTINCT p) AS programmes, count(DISTINCT i) AS institutions`;

MATCH (p:Programme)-[:OFFERED_BY]->(i:Institution)
WHERE ($institution IS NULL OR i.id = $institution)
  AND ($status IS NULL OR coalesce(p.mappingStatus, 'NOT_APPROACHED') = $status
       OR EXISTS { MATCH (c:Course)-[:PART_OF]->(p) WHERE coalesce(c.mappingStatus, 'NOT_APPROACHED') = $status })
WITH p, i ORDER BY i.name, i.id, p.name, p.id SKIP toInteger($offset) LIMIT toInteger($limit)
CALL (p, i) {
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
  RETURN count(x) AS interactionCount, head(collect(x {
  .id, date: toString(x.date), .channel, .result, .note,
  by: head([(b:Person)-[:INITIATED]->(x) | b {.id, .name, .email}]),
  with: head([(x)-[:WITH]->(w:Person) | w {.id, .name, .email}]),
  aboutProgramme: head([(x)-[:ABOUT]->(ap:Programme) | ap {.id, .name}]),
  aboutCourse: head([(x)-[:ABOUT]->(ac:Course) | ac {.id, .name}]),
  introducedBy: head([(x)-[:INTRODUCED_BY]->(ib:Person) | ib {.id, .name, .email}])
})) AS lastInteraction
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
ORDER BY institutionName, institutionId, programmeName, programmeId, sortKind, name, id

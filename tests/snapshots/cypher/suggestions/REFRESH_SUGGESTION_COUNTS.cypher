CALL () {
  MATCH (t:Topic)<-[:ABOUT]-(c:Course)-[:PART_OF]->(:Programme)-[:OFFERED_BY]->(i:Institution)
  WITH t.id AS topic, i.kind AS kind, collect(DISTINCT c.id) AS courses
  RETURN collect({topic: topic, kind: kind, courses: courses}) AS groups
}
MATCH (k:Case) WHERE k.status IN $suggesting
WITH k, groups, COLLECT { MATCH (k)-[:ABOUT]->(t:Topic) RETURN t.id } AS topics, coalesce(k.wantedLevels, []) AS wanted
CALL (k, groups, topics, wanted) {
  UNWIND [g IN groups WHERE g.topic IN topics AND g.kind IN wanted] AS g
  UNWIND g.courses AS courseId
  RETURN count(DISTINCT courseId) AS n
}
// Only counts that changed are written, so a repeated refresh (an idempotent import) changes nothing.
WITH k, n WHERE k.suggestionCount IS NULL OR k.suggestionCount <> n
SET k.suggestionCount = n, k.suggestionsCountedAt = datetime($now)
RETURN count(k) AS cases

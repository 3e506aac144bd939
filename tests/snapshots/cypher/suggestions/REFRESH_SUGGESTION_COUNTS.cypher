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
RETURN count(k) AS cases

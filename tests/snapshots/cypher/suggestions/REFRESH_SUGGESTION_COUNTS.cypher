CALL () {
  MATCH (i:Institution)<-[:OFFERED_BY]-(:Programme)<-[:PART_OF]-(c)
  UNWIND coalesce(c.themes, []) AS theme
  WITH toLower(trim(theme)) AS topic, i.kind AS kind, collect(DISTINCT c.id) AS courses
  RETURN collect({topic: topic, kind: kind, courses: courses}) AS groups
}
MATCH (k:Case) WHERE k.status IN $suggesting
WITH k, groups, [t IN coalesce(k.topics, []) | toLower(trim(t))] AS topics, coalesce(k.wantedLevels, []) AS wanted
CALL (k, groups, topics, wanted) {
  UNWIND [g IN groups WHERE g.topic IN topics AND g.kind IN wanted] AS g
  UNWIND g.courses AS courseId
  RETURN count(DISTINCT courseId) AS n
}
// Only counts that changed are written, so a repeated refresh (an idempotent import) changes nothing.
WITH k, n WHERE k.suggestionCount IS NULL OR k.suggestionCount <> n
SET k.suggestionCount = n, k.suggestionsCountedAt = datetime($now)
RETURN count(k) AS cases

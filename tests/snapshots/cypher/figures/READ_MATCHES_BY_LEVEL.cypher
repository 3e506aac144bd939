UNWIND $levels AS level
CALL (level) {
  OPTIONAL MATCH (:Institution {kind: level})<-[:OFFERED_BY]-(:Programme)<-[:PART_OF]-(:Course)<-[:IN_COURSE]-(s:Sprint)-[:FOR_CASE]->(c:Case)
  WHERE coalesce(s.status, '') <> 'CANCELLED' AND ($from IS NULL OR date(c.created) >= date($from)) AND ($to IS NULL OR date(c.created) <= date($to))
  RETURN count(DISTINCT s) AS matches
}
RETURN level, matches

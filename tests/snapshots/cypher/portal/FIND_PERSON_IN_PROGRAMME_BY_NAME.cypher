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
RETURN p.id AS id

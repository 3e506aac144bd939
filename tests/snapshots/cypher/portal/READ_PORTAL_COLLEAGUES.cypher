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
LIMIT 500

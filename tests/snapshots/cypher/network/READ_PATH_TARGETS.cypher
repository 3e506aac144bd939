CALL () {
  MATCH (p:Person {id: $to})
  RETURN 0 AS rank, 'PERSON' AS kind, p.name AS name, [p.id] AS people
  UNION ALL
  MATCH (c:Course {id: $to})
  RETURN 1 AS rank, 'COURSE' AS kind, c.name AS name, COLLECT { MATCH (t:Person)-[:TEACHES]->(c) RETURN DISTINCT t.id } AS people
  UNION ALL
  MATCH (g:Programme {id: $to})
  RETURN 2 AS rank, 'PROGRAMME' AS kind, g.name AS name, COLLECT {
  MATCH (t:Person)-[:TEACHES]->(:Course)-[:PART_OF]->(g) RETURN t.id AS id
  UNION
  MATCH (t:Person)-[:COORDINATES|DIRECTS]->(g) RETURN t.id AS id } AS people
  UNION ALL
  MATCH (i:Institution {id: $to})
  RETURN 3 AS rank, 'INSTITUTION' AS kind, i.name AS name, COLLECT {
  MATCH (t:Person)-[:TEACHES]->(:Course)-[:PART_OF]->(:Programme)-[:OFFERED_BY]->(i) RETURN t.id AS id
  UNION
  MATCH (t:Person)-[:COORDINATES|DIRECTS]->(:Programme)-[:OFFERED_BY]->(i) RETURN t.id AS id
  UNION
  MATCH (t:Person)-[:DEAN_OF|BOARD_MEMBER_OF]->(i) RETURN t.id AS id } AS people
}
RETURN kind, name, people
ORDER BY rank
LIMIT 1

RETURN
  COLLECT {
    MATCH (g:Programme)
    WHERE EXISTS { MATCH (t:Person)-[:TEACHES]->(:Course)-[:PART_OF]->(g) WHERE t.id IN $ball }
       OR EXISTS { MATCH (t:Person)-[:COORDINATES|DIRECTS]->(g) WHERE t.id IN $ball }
       OR EXISTS { MATCH (:Person {id: $person})-[:DEAN_OF|BOARD_MEMBER_OF]->(:Institution)<-[:OFFERED_BY]-(g) }
    RETURN g.id ORDER BY g.id } AS programmes,
  COLLECT {
    MATCH (i:Institution)
    WHERE any(id IN COLLECT {
  MATCH (t:Person)-[:TEACHES]->(:Course)-[:PART_OF]->(:Programme)-[:OFFERED_BY]->(i) RETURN t.id AS id
  UNION
  MATCH (t:Person)-[:COORDINATES|DIRECTS]->(:Programme)-[:OFFERED_BY]->(i) RETURN t.id AS id
  UNION
  MATCH (t:Person)-[:DEAN_OF|BOARD_MEMBER_OF]->(i) RETURN t.id AS id } WHERE id IN $ball)
    RETURN i.id ORDER BY i.id } AS institutions

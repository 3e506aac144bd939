UNWIND $programmes AS pid
MATCH (g:Programme {id: pid})
RETURN 'PROGRAMME' AS kind, g.id AS id, COLLECT { MATCH (x:Person)-[:COORDINATES|DIRECTS]->(g) RETURN DISTINCT x.id ORDER BY x.id } AS people
UNION ALL
UNWIND $institutions AS iid
MATCH (i:Institution {id: iid})
RETURN 'INSTITUTION' AS kind, i.id AS id, COLLECT { MATCH (x:Person)-[:DEAN_OF|BOARD_MEMBER_OF]->(i) RETURN DISTINCT x.id ORDER BY x.id } AS people

MATCH (k:Case {id: $id})
WITH k, head(COLLECT { MATCH (k)-[:HAD_EVENT]->(e:CaseEvent) RETURN e.at ORDER BY e.at DESC }) AS lastChange
RETURN k.title AS title, k.status AS status, toString(k.created) AS receivedAt,
       toString(coalesce(lastChange, k.created)) AS sinceAt

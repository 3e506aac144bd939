MATCH (s:Sprint {status: 'COMPLETED', followUpWanted: true})-[:FOR_CASE]->(k:Case)
WHERE $coordinator IS NULL OR EXISTS { (k)-[:HANDLED_BY]->(:Person {id: $coordinator}) }
OPTIONAL MATCH (k)<-[:ASKED]-(sme:Sme)
WITH s, k, sme WHERE sme IS NULL OR NOT EXISTS { MATCH (sme)-[:ASKED]->(later:Case) WHERE later.created > coalesce(s.completedAt, k.created) }
RETURN s.id AS sprintId, k.id AS caseId, k.title AS caseTitle, sme.name AS smeName, toString(s.completedAt) AS at
ORDER BY s.completedAt, s.id LIMIT 100

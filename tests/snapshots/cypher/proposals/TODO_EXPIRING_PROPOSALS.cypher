MATCH (p:Proposal)-[:OF_CASE]->(k:Case)
WHERE p.answer IS NULL AND p.withdrawnAt IS NULL AND p.expiresAt > datetime($now)
  AND p.expiresAt <= datetime($now) + duration({days: toInteger($days)})
  AND ($coordinator IS NULL OR EXISTS { (k)-[:HANDLED_BY]->(:Person {id: $coordinator}) })
MATCH (p)-[:TO_TEACHER]->(t:Person)
RETURN p.id AS proposalId, k.id AS caseId, k.title AS caseTitle, t.name AS teacherName, toString(p.expiresAt) AS at,
       p.reminderSentAt IS NOT NULL AS reminded
ORDER BY p.expiresAt, p.id LIMIT 100

MATCH (p:Proposal {id: $proposalId})-[:TO_TEACHER]->(t:Person)
MATCH (p)-[:OF_CASE]->(k:Case)
RETURN t.id AS teacherId, t.name AS teacherName, k.title AS caseTitle, p.answer AS answer, p.withdrawnReason AS withdrawnReason,
       p.expiresAt < datetime($now) AS expired, toString(p.expiresAt) AS expiresAt, t.erasedAt IS NOT NULL AS erased

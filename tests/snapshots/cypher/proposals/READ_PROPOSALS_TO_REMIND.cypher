MATCH (p:Proposal)-[:TO_TEACHER]->(t:Person)
WHERE p.answer IS NULL AND p.withdrawnAt IS NULL AND p.reminderSentAt IS NULL
  AND p.expiresAt > datetime($now) AND p.expiresAt <= datetime($now) + duration({days: toInteger($days)})
  AND (p.deliveryStatus IS NULL OR p.deliveryStatus IN ['SENT', 'OUTBOX'])
  AND t.erasedAt IS NULL AND t.email IS NOT NULL
MATCH (p)-[:OF_CASE]->(k:Case) WHERE k.status IN ['QUALIFIED', 'PROPOSED']
OPTIONAL MATCH (p)-[:FOR_COURSE]->(c:Course)
OPTIONAL MATCH (k)<-[:ASKED]-(s:Sme)
RETURN p.id AS proposalId, toString(p.expiresAt) AS expiresAt, toString(p.sentAt) AS sentAt, t.id AS teacherId, t.name AS teacherName,
       t.email AS email, t.language AS language, k.id AS caseId, k.title AS caseTitle, c.name AS courseName, s.name AS smeName
ORDER BY p.expiresAt, p.id LIMIT 200

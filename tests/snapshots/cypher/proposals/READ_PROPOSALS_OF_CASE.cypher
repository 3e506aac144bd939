MATCH (:Case {id: $caseId})<-[:OF_CASE]-(p:Proposal)
MATCH (p)-[:OF_CASE]->(k:Case), (p)-[:TO_TEACHER]->(t:Person)
OPTIONAL MATCH (p)-[:FOR_COURSE]->(c:Course)
RETURN p.id AS id, k.id AS caseId, k.title AS caseTitle, k.status AS caseStatus, t.id AS teacherId, t.name AS teacherName,
       c.id AS courseId, c.name AS courseName, p.channel AS channel, toString(p.sentAt) AS sentAt,
       toString(p.expiresAt) AS expiresAt, p.answer AS answer, toString(p.answeredAt) AS answeredAt,
       p.declineReason AS declineReason, p.sentBy AS sentBy,
       CASE WHEN p.answer IS NOT NULL THEN 'ANSWERED' WHEN p.expiresAt < datetime($now) THEN 'EXPIRED' ELSE 'OPEN' END AS state
ORDER BY p.sentAt DESC, p.id

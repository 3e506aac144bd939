MATCH (m:MailMessage) WHERE m.status IN ['FAILED', 'GAVE_UP'] OR (m.status = 'SENDING' AND m.claimedAt < datetime($now) - duration('PT10M'))
OPTIONAL MATCH (m)-[:TO_PERSON]->(t:Person)
RETURN m.id AS messageId, m.kind AS kind, m.status AS status, t.name AS teacherName, m.lastError AS error, m.attempts AS attempts,
       toString(coalesce(m.nextAttemptAt, m.lastAttemptAt, m.createdAt)) AS at
ORDER BY m.createdAt, m.id LIMIT 100

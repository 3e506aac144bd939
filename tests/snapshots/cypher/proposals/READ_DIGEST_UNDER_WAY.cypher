MATCH (m:MailMessage {kind: 'DIGEST'})-[:TO_PERSON]->(:Person {id: $teacherId})
WHERE m.status IN ['QUEUED', 'SENDING', 'FAILED']
RETURN m.id AS id LIMIT 1

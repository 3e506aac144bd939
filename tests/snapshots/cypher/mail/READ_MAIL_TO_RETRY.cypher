MATCH (m:MailMessage) WHERE m.status IN ['QUEUED', 'FAILED'] AND m.nextAttemptAt <= datetime($now)
RETURN m.id AS id ORDER BY m.nextAttemptAt, m.id LIMIT toInteger($limit)

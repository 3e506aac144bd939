MATCH (m:MailMessage {id: $id})
SET m.status = CASE WHEN $gaveUp THEN 'GAVE_UP' ELSE 'FAILED' END, m.attempts = m.attempts + 1, m.lastError = $error,
    m.lastAttemptAt = datetime($now), m.nextAttemptAt = CASE WHEN $gaveUp THEN null ELSE datetime($next) END

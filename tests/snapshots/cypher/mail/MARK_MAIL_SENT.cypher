MATCH (m:MailMessage {id: $id})
SET m.status = $status, m.sentAt = datetime($now), m.response = $response, m.attempts = m.attempts + 1,
    m.lastError = null, m.nextAttemptAt = null

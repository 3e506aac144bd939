MATCH (t:Person {id: $personId})
CREATE (m:MailMessage {id: $id, kind: $kind, status: 'QUEUED', toAddress: $to, toName: $toName, subject: $subject,
                       text: $text, html: $html, raw: $raw, messageId: $messageId, language: $language,
                       createdAt: datetime($now), attempts: 0, nextAttemptAt: datetime($now), transport: $transport})
CREATE (m)-[:TO_PERSON]->(t)

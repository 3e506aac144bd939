MATCH (m:MailMessage {id: $messageId})-[:TO_PERSON]->(t:Person)
SET t.lastDigestSentOn = CASE WHEN t.lastDigestSentOn IS NULL OR t.lastDigestSentOn < m.digestDate THEN m.digestDate ELSE t.lastDigestSentOn END

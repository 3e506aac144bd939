MATCH (m:MailMessage {id: $messageId})-[:CARRIES]->(p:Proposal)
SET p.deliveryStatus = $status, p.deliveryError = null, p.sentAt = datetime($sentAt),
    p.expiresAt = datetime($sentAt) + duration({days: toInteger($expiryDays)})
WITH m, p MATCH (p)-[:OF_CASE]->(k:Case)
RETURN p.id AS proposalId, k.id AS caseId, m.digestDate IS NOT NULL AS digest, toString(m.digestDate) AS digestDate

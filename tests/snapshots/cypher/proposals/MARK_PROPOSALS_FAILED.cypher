MATCH (m:MailMessage {id: $messageId})-[:CARRIES]->(p:Proposal)
SET p.deliveryStatus = 'FAILED', p.deliveryError = $error
WITH p WHERE $gaveUp AND p.answer IS NULL AND p.withdrawnAt IS NULL
SET p.withdrawnAt = datetime($now), p.withdrawnReason = 'NOT_DELIVERED'

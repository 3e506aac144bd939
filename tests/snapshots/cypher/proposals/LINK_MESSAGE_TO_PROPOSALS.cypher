MATCH (m:MailMessage {id: $messageId})
SET m.digestDate = CASE WHEN $digestDate IS NULL THEN null ELSE date($digestDate) END
WITH m UNWIND $proposalIds AS proposalId MATCH (p:Proposal {id: proposalId})
CREATE (m)-[:CARRIES]->(p)

MATCH (p:Proposal {id: $proposalId}), (m:MailMessage {id: $messageId})
SET p.reminderSentAt = datetime($now)
CREATE (m)-[:REMINDS]->(p)
CREATE (p)-[:HAD_FOLLOW_UP]->(:ProposalFollowUp {id: $followUpId, channel: 'EMAIL', note: $note, at: datetime($now), by: null})

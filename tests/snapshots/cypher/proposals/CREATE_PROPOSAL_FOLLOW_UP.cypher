MATCH (p:Proposal {id: $proposalId})
CREATE (p)-[:HAD_FOLLOW_UP]->(:ProposalFollowUp {id: $id, channel: $channel, note: $note, at: datetime($at), by: $by})

MATCH (p:Proposal {id: $proposalId})
SET p.answeredVia = 'EMAIL_LINK', p.answerLinkId = $linkId

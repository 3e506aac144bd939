MATCH (p:Proposal {id: $id})
SET p.answer = $answer, p.answeredAt = datetime($answeredAt), p.declineReason = $declineReason, p.answeredBy = $by

MATCH (p:Proposal {id: $id})
SET p.claimState = $state, p.claimDecidedAt = datetime($now), p.claimDecidedBy = $by, p.claimDeclineReason = $reason

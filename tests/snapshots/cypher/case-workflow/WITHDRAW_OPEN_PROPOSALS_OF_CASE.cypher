MATCH (:Case {id: $caseId})<-[:OF_CASE]-(p:Proposal)
WHERE p.answer IS NULL AND p.withdrawnAt IS NULL AND p.expiresAt >= datetime($now)
SET p.withdrawnAt = datetime($now), p.withdrawnReason = $reason, p.withdrawnBy = $by
RETURN count(p) AS withdrawn

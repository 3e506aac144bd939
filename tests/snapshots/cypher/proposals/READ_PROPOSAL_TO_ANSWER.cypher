MATCH (p:Proposal {id: $id})
RETURN p.answer AS answer, toString(p.sentAt) AS sentAt, toString(p.expiresAt) AS expiresAt, p.withdrawnReason AS withdrawnReason,
       datetime($answeredAt) > p.expiresAt AS expired, datetime($answeredAt) < p.sentAt AS early

MATCH (k:Case) WHERE k.status IN ['MATCHED', 'IN_SPRINT', 'COMPLETED', 'CLOSED']
  AND EXISTS { (k)<-[:OF_CASE]-(p:Proposal) WHERE p.answer IS NULL AND p.withdrawnAt IS NULL }
CALL (k) {
  OPTIONAL MATCH (k)-[:HAD_EVENT]->(e:CaseEvent) WHERE e.to IN ['MATCHED', 'CLOSED']
  WITH k, e ORDER BY e.at LIMIT 1
  RETURN coalesce(e.at, datetime($now)) AS at, e.by AS by,
         CASE coalesce(e.to, CASE k.status WHEN 'CLOSED' THEN 'CLOSED' ELSE 'MATCHED' END)
           WHEN 'CLOSED' THEN 'CASE_CLOSED' ELSE 'CASE_MATCHED' END AS reason
}
MATCH (k)<-[:OF_CASE]-(p:Proposal)
WHERE p.answer IS NULL AND p.withdrawnAt IS NULL AND p.expiresAt >= at
SET p.withdrawnAt = CASE WHEN p.sentAt > at THEN p.sentAt ELSE at END, p.withdrawnReason = reason, p.withdrawnBy = by
RETURN count(p) AS withdrawn

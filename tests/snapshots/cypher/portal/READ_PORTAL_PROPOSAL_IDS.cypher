CALL () {
  MATCH (p:Proposal)-[:TO_TEACHER]->(:Person {id: $personId}) RETURN p
  UNION
  MATCH (c:Course)<-[:FOR_COURSE]-(p:Proposal) WHERE c.id IN $courseIds RETURN p
  UNION
  MATCH (p:Proposal {forwardedBy: $personId}) RETURN p
}
WITH p WHERE (p.answer IS NULL AND p.withdrawnAt IS NULL AND p.expiresAt >= datetime($now)) OR p.claimState = 'PENDING'
RETURN p.id AS id ORDER BY p.sentAt DESC, p.id LIMIT 200

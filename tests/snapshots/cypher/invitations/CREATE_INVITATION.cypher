MATCH (p:Person {id: $personId})
CALL (p) {
  OPTIONAL MATCH (old:Invitation {status: 'PENDING'})-[:INVITES]->(p)
  SET old.status = 'REPLACED'
  RETURN count(old) AS replaced
}
CREATE (i:Invitation {id: $id, email: $email, role: $role, status: 'PENDING', language: $language,
                      createdAt: datetime($now), expiresAt: datetime($expiresAt), invitedByAccount: $account})-[:INVITES]->(p)
WITH i, replaced
CALL (i) {
  MATCH (by:Person {id: $invitedBy}) CREATE (by)-[:SENT_INVITATION]->(i)
}
RETURN i.id AS id, replaced

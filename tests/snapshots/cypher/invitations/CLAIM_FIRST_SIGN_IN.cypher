MATCH (i:Invitation {userId: $userId, status: 'ACCEPTED'})-[:INVITES]->(p:Person)
WHERE i.firstSignInAt IS NULL
SET i.firstSignInAt = datetime($now)
WITH i, p
OPTIONAL MATCH (by:Person)-[:SENT_INVITATION]->(i)
RETURN i.id AS id, p.id AS personId, by.id AS invitedBy, toString(date(i.createdAt)) AS invitedOn

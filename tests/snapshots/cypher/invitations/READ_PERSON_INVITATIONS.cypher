MATCH (i:Invitation)-[:INVITES]->(p:Person {id: $personId})
OPTIONAL MATCH (by:Person)-[:SENT_INVITATION]->(i)
OPTIONAL MATCH (i)-[:SENT_AS]->(m:MailMessage)
RETURN i.id AS id, p.id AS personId, p.name AS personName, i.email AS email, i.role AS role,
       CASE WHEN i.status = 'PENDING' AND i.expiresAt < datetime($now) THEN 'EXPIRED' ELSE i.status END AS status,
       toString(i.createdAt) AS createdAt, toString(i.expiresAt) AS expiresAt, toString(i.acceptedAt) AS acceptedAt,
       toString(i.firstSignInAt) AS firstSignInAt, by.id AS invitedById, by.name AS invitedByName,
       m.id AS messageId, m.status AS messageStatus
ORDER BY i.createdAt DESC, i.id

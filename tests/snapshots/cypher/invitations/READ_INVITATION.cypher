MATCH (i:Invitation {id: $id})-[:INVITES]->(p:Person {id: $personId})
RETURN i.status AS status, toString(i.expiresAt) AS expiresAt, i.email AS email, i.role AS role, i.language AS language,
       p.id AS personId, p.name AS personName

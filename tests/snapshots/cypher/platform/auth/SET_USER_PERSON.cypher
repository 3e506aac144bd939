MATCH (u:User {id: $userId})
SET u.personId = $personId
WITH u
OPTIONAL MATCH (p:Person {id: u.personId})
RETURN u.id AS id, u.email AS email, u.name AS name, u.roles AS roles, u.disabled AS disabled, u.personId AS personId,
       p.name AS personName, u.passwordHash AS passwordHash, coalesce(u.tokenVersion, 0) AS tokenVersion

MATCH (u:User {id: $id})
OPTIONAL MATCH (p:Person {id: u.personId})
RETURN u.name AS name, p.id AS personId, p.name AS personName

OPTIONAL MATCH (u:User {id: $userId})
OPTIONAL MATCH (p:Person {id: $personId})
OPTIONAL MATCH (other:User {personId: $personId}) WHERE other.id <> $userId
RETURN u.id AS userId, u.roles AS roles, p.id AS personId, other.email AS linkedEmail

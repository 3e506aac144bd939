MATCH (u:User {id: $id})
SET u.passwordHash = $hash
RETURN u.id AS id

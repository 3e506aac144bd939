MATCH (u:User {id: $id})
SET u.passwordHash = $hash, u.tokenVersion = coalesce(u.tokenVersion, 0) + 1
RETURN u.id AS id

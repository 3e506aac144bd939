MATCH (u:User {id: $id})
SET u.tokenVersion = coalesce(u.tokenVersion, 0) + 1
RETURN u.tokenVersion AS tokenVersion

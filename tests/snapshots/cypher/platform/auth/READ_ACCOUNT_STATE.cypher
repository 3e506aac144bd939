MATCH (u:User {id: $id})
RETURN u.roles AS roles, coalesce(u.disabled, false) AS disabled, coalesce(u.tokenVersion, 0) AS tokenVersion

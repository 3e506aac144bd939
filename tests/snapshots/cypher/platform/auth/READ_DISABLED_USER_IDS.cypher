MATCH (u:User) WHERE u.disabled = true
RETURN collect(u.id) AS ids

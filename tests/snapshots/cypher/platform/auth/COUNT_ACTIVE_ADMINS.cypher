MATCH (u:User) WHERE 'ADMIN' IN u.roles AND NOT coalesce(u.disabled, false)
RETURN count(u) AS n

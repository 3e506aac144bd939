MATCH (u:User) WHERE u.passwordHash IS NULL
RETURN count(u) AS accounts

MATCH (u:User)
RETURN u.id AS id, u.email AS email, u.name AS name, u.roles AS roles, u.disabled AS disabled, u.personId AS personId,
       u.passwordHash AS passwordHash
ORDER BY u.email

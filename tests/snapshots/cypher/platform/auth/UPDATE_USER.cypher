MATCH (u:User {id: $id})
SET u.name = coalesce($name, u.name), u.roles = coalesce($roles, u.roles), u.disabled = coalesce($disabled, u.disabled),
    u.personId = CASE WHEN $setPerson THEN $personId ELSE u.personId END
RETURN u.id AS id, u.email AS email, u.name AS name, u.roles AS roles, u.disabled AS disabled, u.personId AS personId,
       u.passwordHash AS passwordHash

MATCH (u:User {id: $id})
WITH u, ($roles IS NOT NULL AND (size($roles) <> size(u.roles) OR any(r IN $roles WHERE NOT r IN u.roles)))
        OR ($disabled = true AND NOT coalesce(u.disabled, false)) AS revokes
SET u.tokenVersion = coalesce(u.tokenVersion, 0) + CASE WHEN revokes THEN 1 ELSE 0 END,
    u.name = coalesce($name, u.name), u.roles = coalesce($roles, u.roles), u.disabled = coalesce($disabled, u.disabled)
WITH u
OPTIONAL MATCH (p:Person {id: u.personId})
RETURN u.id AS id, u.email AS email, u.name AS name, u.roles AS roles, u.disabled AS disabled, u.personId AS personId,
       p.name AS personName, u.passwordHash AS passwordHash, coalesce(u.tokenVersion, 0) AS tokenVersion

CREATE (u:User {id: $id, email: $email, name: $name, roles: $roles, disabled: false, passwordHash: $passwordHash,
                personId: $personId, created: datetime()})
RETURN u.id AS id, u.email AS email, u.name AS name, u.roles AS roles, u.disabled AS disabled, u.personId AS personId,
       u.passwordHash AS passwordHash

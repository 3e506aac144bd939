/**
 * The Cypher of sign-in and user accounts, each statement whole. (:User) nodes are not in the
 * generated API; only these statements read or write them (see UserStore).
 * Snapshots: tests/snapshots/cypher/platform/auth/.
 */

/** Idempotent, run at every start (with USER_EMAIL_CONSTRAINT). */
export const USER_ID_CONSTRAINT = /* cypher */ `CREATE CONSTRAINT user_id IF NOT EXISTS FOR (u:User) REQUIRE u.id IS UNIQUE`;

export const USER_EMAIL_CONSTRAINT = /* cypher */ `CREATE CONSTRAINT user_email IF NOT EXISTS FOR (u:User) REQUIRE u.email IS UNIQUE`;

export const READ_USER_BY_EMAIL = /* cypher */ `
MATCH (u:User {email: $email})
RETURN u.id AS id, u.email AS email, u.name AS name, u.roles AS roles, u.disabled AS disabled, u.personId AS personId,
       u.passwordHash AS passwordHash`;

export const READ_USER_BY_ID = /* cypher */ `
MATCH (u:User {id: $id})
RETURN u.id AS id, u.email AS email, u.name AS name, u.roles AS roles, u.disabled AS disabled, u.personId AS personId,
       u.passwordHash AS passwordHash`;

export const READ_USERS = /* cypher */ `
MATCH (u:User)
RETURN u.id AS id, u.email AS email, u.name AS name, u.roles AS roles, u.disabled AS disabled, u.personId AS personId,
       u.passwordHash AS passwordHash
ORDER BY u.email`;

export const COUNT_ACTIVE_ADMINS = /* cypher */ `
MATCH (u:User) WHERE 'ADMIN' IN u.roles AND NOT coalesce(u.disabled, false)
RETURN count(u) AS n`;

/** A duplicate e-mail fails on USER_EMAIL_CONSTRAINT. */
export const CREATE_USER = /* cypher */ `
CREATE (u:User {id: $id, email: $email, name: $name, roles: $roles, disabled: false, passwordHash: $passwordHash,
                personId: $personId, created: datetime()})
RETURN u.id AS id, u.email AS email, u.name AS name, u.roles AS roles, u.disabled AS disabled, u.personId AS personId,
       u.passwordHash AS passwordHash`;

/** Null parameters keep the stored value; $personId is applied only with $setPerson (it may clear the link). */
export const UPDATE_USER = /* cypher */ `
MATCH (u:User {id: $id})
SET u.name = coalesce($name, u.name), u.roles = coalesce($roles, u.roles), u.disabled = coalesce($disabled, u.disabled),
    u.personId = CASE WHEN $setPerson THEN $personId ELSE u.personId END
RETURN u.id AS id, u.email AS email, u.name AS name, u.roles AS roles, u.disabled AS disabled, u.personId AS personId,
       u.passwordHash AS passwordHash`;

export const SET_USER_PASSWORD = /* cypher */ `
MATCH (u:User {id: $id})
SET u.passwordHash = $hash
RETURN u.id AS id`;

export const READ_DISABLED_USER_IDS = /* cypher */ `
MATCH (u:User) WHERE u.disabled = true
RETURN collect(u.id) AS ids`;

/** Whether the `actor` argument of a mutation names a person. */
export const READ_ACTOR = /* cypher */ `
MATCH (p:Person {id: $id})
RETURN p.id AS id`;

/**
 * The Cypher of sign-in and user accounts, each statement whole. (:User) nodes are not in the
 * generated API; only these statements read or write them (see UserStore).
 * Snapshots: tests/snapshots/cypher/platform/auth/.
 */

/** Idempotent, run at every start (with USER_EMAIL_CONSTRAINT). */
export const USER_ID_CONSTRAINT = /* cypher */ `CREATE CONSTRAINT user_id IF NOT EXISTS FOR (u:User) REQUIRE u.id IS UNIQUE`;

export const USER_EMAIL_CONSTRAINT = /* cypher */ `CREATE CONSTRAINT user_email IF NOT EXISTS FOR (u:User) REQUIRE u.email IS UNIQUE`;

/** One account per person: two concurrent links of the same person cannot both commit (accounts without one are free). */
export const USER_PERSON_CONSTRAINT = /* cypher */ `CREATE CONSTRAINT user_person IF NOT EXISTS FOR (u:User) REQUIRE u.personId IS UNIQUE`;

export const READ_USER_BY_EMAIL = /* cypher */ `
MATCH (u:User {email: $email})
OPTIONAL MATCH (p:Person {id: u.personId})
RETURN u.id AS id, u.email AS email, u.name AS name, u.roles AS roles, u.disabled AS disabled, u.personId AS personId,
       p.name AS personName, u.passwordHash AS passwordHash, coalesce(u.tokenVersion, 0) AS tokenVersion`;

export const READ_USER_BY_ID = /* cypher */ `
MATCH (u:User {id: $id})
OPTIONAL MATCH (p:Person {id: u.personId})
RETURN u.id AS id, u.email AS email, u.name AS name, u.roles AS roles, u.disabled AS disabled, u.personId AS personId,
       p.name AS personName, u.passwordHash AS passwordHash, coalesce(u.tokenVersion, 0) AS tokenVersion`;

export const READ_USERS = /* cypher */ `
MATCH (u:User)
OPTIONAL MATCH (p:Person {id: u.personId})
RETURN u.id AS id, u.email AS email, u.name AS name, u.roles AS roles, u.disabled AS disabled, u.personId AS personId,
       p.name AS personName, u.passwordHash AS passwordHash, coalesce(u.tokenVersion, 0) AS tokenVersion
ORDER BY u.email`;

export const COUNT_ACTIVE_ADMINS = /* cypher */ `
MATCH (u:User) WHERE 'ADMIN' IN u.roles AND NOT coalesce(u.disabled, false)
RETURN count(u) AS n`;

/** A duplicate e-mail fails on USER_EMAIL_CONSTRAINT. */
export const CREATE_USER = /* cypher */ `
CREATE (u:User {id: $id, email: $email, name: $name, roles: $roles, disabled: false, passwordHash: $passwordHash,
                personId: $personId, created: datetime()})
WITH u
OPTIONAL MATCH (p:Person {id: u.personId})
RETURN u.id AS id, u.email AS email, u.name AS name, u.roles AS roles, u.disabled AS disabled, u.personId AS personId,
       p.name AS personName, u.passwordHash AS passwordHash, coalesce(u.tokenVersion, 0) AS tokenVersion`;

/**
 * Null parameters keep the stored value. The link to a person changes only through SET_USER_PERSON.
 * A change of roles, or disabling, bumps the token version: the user's tokens stop working at once.
 */
export const UPDATE_USER = /* cypher */ `
MATCH (u:User {id: $id})
WITH u, ($roles IS NOT NULL AND (size($roles) <> size(u.roles) OR any(r IN $roles WHERE NOT r IN u.roles)))
        OR ($disabled = true AND NOT coalesce(u.disabled, false)) AS revokes
SET u.tokenVersion = coalesce(u.tokenVersion, 0) + CASE WHEN revokes THEN 1 ELSE 0 END,
    u.name = coalesce($name, u.name), u.roles = coalesce($roles, u.roles), u.disabled = coalesce($disabled, u.disabled)
WITH u
OPTIONAL MATCH (p:Person {id: u.personId})
RETURN u.id AS id, u.email AS email, u.name AS name, u.roles AS roles, u.disabled AS disabled, u.personId AS personId,
       p.name AS personName, u.passwordHash AS passwordHash, coalesce(u.tokenVersion, 0) AS tokenVersion`;

/** A new password (own change or an admin's reset) ends every token issued before it. */
export const SET_USER_PASSWORD = /* cypher */ `
MATCH (u:User {id: $id})
SET u.passwordHash = $hash, u.tokenVersion = coalesce(u.tokenVersion, 0) + 1
RETURN u.id AS id`;

/** "Sign out everywhere": every token issued before now stops working. */
export const BUMP_TOKEN_VERSION = /* cypher */ `
MATCH (u:User {id: $id})
SET u.tokenVersion = coalesce(u.tokenVersion, 0) + 1
RETURN u.tokenVersion AS tokenVersion`;

/** What every signed-in request is checked against (AccountStates): the account as it is now. */
export const READ_ACCOUNT_STATE = /* cypher */ `
MATCH (u:User {id: $id})
RETURN u.roles AS roles, coalesce(u.disabled, false) AS disabled, coalesce(u.tokenVersion, 0) AS tokenVersion`;

/**
 * What linking an account to a person needs to know, in the link's transaction: whether the account and the
 * person exist, which other account (if any) is linked to that person already, and the account's roles (an
 * account with a portal role cannot be unlinked).
 */
export const READ_LINK_TARGETS = /* cypher */ `
OPTIONAL MATCH (u:User {id: $userId})
OPTIONAL MATCH (p:Person {id: $personId})
OPTIONAL MATCH (other:User {personId: $personId}) WHERE other.id <> $userId
RETURN u.id AS userId, u.roles AS roles, p.id AS personId, other.email AS linkedEmail`;

/** Links the account to the person ($personId) or unlinks it (null). */
export const SET_USER_PERSON = /* cypher */ `
MATCH (u:User {id: $userId})
SET u.personId = $personId
WITH u
OPTIONAL MATCH (p:Person {id: u.personId})
RETURN u.id AS id, u.email AS email, u.name AS name, u.roles AS roles, u.disabled AS disabled, u.personId AS personId,
       p.name AS personName, u.passwordHash AS passwordHash, coalesce(u.tokenVersion, 0) AS tokenVersion`;

/**
 * Who acts for a signed-in account, read at each change so that a new link counts at once (the token's copy
 * may be hours old). A link to a person who has since been erased names no one.
 */
export const READ_ACCOUNT_PERSON = /* cypher */ `
MATCH (u:User {id: $id})
OPTIONAL MATCH (p:Person {id: u.personId})
RETURN u.name AS name, p.id AS personId, p.name AS personName`;

/** Whether the `actor` argument of a mutation names a person. */
export const READ_ACTOR = /* cypher */ `
MATCH (p:Person {id: $id})
RETURN p.id AS id`;

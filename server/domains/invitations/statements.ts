/**
 * The Cypher of invitations (docs/security.md "Invitations"): a coordinator invites a person of the graph to
 * the portal; the link in the message creates their account. (:Invitation) nodes are not in schema/*.graphql,
 * so the generated API never reads or writes them. Snapshots: tests/snapshots/cypher/invitations/.
 */

/**
 * What an invitation needs to know about the person, and whether they hold a role in the graph that fits the
 * account's role: TEACHER teaches a course; INSTITUTION_CONTACT coordinates or directs a programme, or is a
 * dean or board member of an institution. Also any account linked to them already, and any with the e-mail.
 * Locks the person first, so two concurrent invitations of one person leave one pending.
 */
export const READ_INVITEE = /* cypher */ `
MATCH (p:Person {id: $personId})
SET p.invitationLock = true REMOVE p.invitationLock
WITH p
OPTIONAL MATCH (by:Person {id: $invitedBy})
OPTIONAL MATCH (linked:User {personId: $personId})
OPTIONAL MATCH (sameEmail:User {email: $email})
RETURN p.id AS id, p.name AS name, p.language AS language,
       EXISTS { (p)-[:TEACHES]->(:Course) } AS teaches,
       EXISTS { (p)-[:COORDINATES|DIRECTS]->(:Programme) } OR EXISTS { (p)-[:DEAN_OF|BOARD_MEMBER_OF]->(:Institution) }
         AS institutionRole,
       linked.email AS linkedEmail, sameEmail.id AS emailTaken, by.name AS inviterName`;

/**
 * A new pending invitation for the person; their earlier pending ones are REPLACED (only the newest link works).
 * The inviter, when their account is a person, is linked: their tie gets the first sign-in.
 */
export const CREATE_INVITATION = /* cypher */ `
MATCH (p:Person {id: $personId})
CALL (p) {
  OPTIONAL MATCH (old:Invitation {status: 'PENDING'})-[:INVITES]->(p)
  SET old.status = 'REPLACED'
  RETURN count(old) AS replaced
}
CREATE (i:Invitation {id: $id, email: $email, role: $role, status: 'PENDING', language: $language,
                      createdAt: datetime($now), expiresAt: datetime($expiresAt), invitedByAccount: $account})-[:INVITES]->(p)
WITH i, replaced
CALL (i) {
  MATCH (by:Person {id: $invitedBy}) CREATE (by)-[:SENT_INVITATION]->(i)
}
RETURN i.id AS id, replaced`;

/** Links the invitation to its message in the outbox. */
export const LINK_INVITATION_MESSAGE = /* cypher */ `
MATCH (i:Invitation {id: $id}), (m:MailMessage {id: $messageId})
CREATE (i)-[:SENT_AS]->(m)`;

/**
 * The invitation a link names, locked (a write on it) so two uses of one link cannot both create an account:
 * the second waits, then reads ACCEPTED.
 */
export const LOCK_INVITATION = /* cypher */ `
MATCH (i:Invitation {id: $id})-[:INVITES]->(p:Person {id: $personId})
SET i.lock = true REMOVE i.lock
RETURN i.status AS status, toString(i.expiresAt) AS expiresAt, i.email AS email, i.role AS role, i.language AS language,
       p.id AS personId, p.name AS personName`;

/** What the invitation page shows before the password is set (read only). */
export const READ_INVITATION = /* cypher */ `
MATCH (i:Invitation {id: $id})-[:INVITES]->(p:Person {id: $personId})
RETURN i.status AS status, toString(i.expiresAt) AS expiresAt, i.email AS email, i.role AS role, i.language AS language,
       p.id AS personId, p.name AS personName`;

export const MARK_INVITATION_ACCEPTED = /* cypher */ `
MATCH (i:Invitation {id: $id})
SET i.status = 'ACCEPTED', i.acceptedAt = datetime($now), i.userId = $userId`;

/**
 * The first sign-in of an invited account, claimed once: the accepted invitation without firstSignInAt gets it,
 * and the inviter and the person are returned for the interaction on their tie.
 */
export const CLAIM_FIRST_SIGN_IN = /* cypher */ `
MATCH (i:Invitation {userId: $userId, status: 'ACCEPTED'})-[:INVITES]->(p:Person)
WHERE i.firstSignInAt IS NULL
SET i.firstSignInAt = datetime($now)
WITH i, p
OPTIONAL MATCH (by:Person)-[:SENT_INVITATION]->(i)
RETURN i.id AS id, p.id AS personId, by.id AS invitedBy, toString(date(i.createdAt)) AS invitedOn`;

/** A person's invitations, newest first, with who invited and the message's status. */
export const READ_PERSON_INVITATIONS = /* cypher */ `
MATCH (i:Invitation)-[:INVITES]->(p:Person {id: $personId})
OPTIONAL MATCH (by:Person)-[:SENT_INVITATION]->(i)
OPTIONAL MATCH (i)-[:SENT_AS]->(m:MailMessage)
RETURN i.id AS id, p.id AS personId, p.name AS personName, i.email AS email, i.role AS role,
       CASE WHEN i.status = 'PENDING' AND i.expiresAt < datetime($now) THEN 'EXPIRED' ELSE i.status END AS status,
       toString(i.createdAt) AS createdAt, toString(i.expiresAt) AS expiresAt, toString(i.acceptedAt) AS acceptedAt,
       toString(i.firstSignInAt) AS firstSignInAt, by.id AS invitedById, by.name AS invitedByName,
       m.id AS messageId, m.status AS messageStatus
ORDER BY i.createdAt DESC, i.id`;

import { bumpingTieVersion } from "../../platform/neo4j/tie-version.js";
/**
 * The Cypher of data subjects' requests (GDPR), each statement whole.
 * Snapshots: tests/snapshots/cypher/privacy/.
 */

/**
 * Before an erasure: the person's name and e-mail (to find mentions elsewhere afterwards) and the
 * lengths of every string the erasure removes (for the same-length fillers that overwrite them in
 * the store files, erase-person.ts).
 */
export const ERASURE_TARGET = /* cypher */ `
MATCH (p:Person {id: $id})
CALL (p) {
  OPTIONAL MATCH (p)-[:INITIATED|WITH]-(i:Interaction) WHERE i.note IS NOT NULL
  RETURN collect(DISTINCT i.note) AS notes
}
CALL (p) {
  OPTIONAL MATCH (pr:Proposal)-[:TO_TEACHER]->(p) WHERE pr.declineReason IS NOT NULL
  RETURN collect(pr.declineReason) AS reasons
}
CALL (p) {
  OPTIONAL MATCH (p)-[k:KNOWS]-()
  RETURN reduce(acc = [], t IN collect(k) | acc + [key IN keys(t) WHERE t[key] IS :: STRING | t[key]]) AS tieTexts
}
WITH p, notes + reasons + tieTexts + [key IN keys(p) WHERE p[key] IS :: STRING | p[key]] AS removed
RETURN p.name AS name, p.email AS email, [v IN removed | size(toString(v))] AS lengths`;

/**
 * Free text anywhere in the graph (any string property of any node or relationship) that still holds
 * one of $terms (lower-case: the erased person's name and e-mail), for a coordinator to review.
 * A whole-graph scan: fine for a rare admin action, about a second per 100,000 nodes.
 */
export const FIND_MENTIONS = /* cypher */ `
CALL () {
  MATCH (n) WHERE NOT n:StoreMaintenance
  UNWIND keys(n) AS field
  WITH n, field, n[field] AS value
  WHERE value IS :: STRING AND any(term IN $terms WHERE toLower(toString(value)) CONTAINS term)
  RETURN labels(n)[0] AS type, coalesce(toString(n.id), elementId(n)) AS id, field, value
  UNION ALL
  MATCH ()-[r]->()
  UNWIND keys(r) AS field
  WITH r, field, r[field] AS value
  WHERE value IS :: STRING AND any(term IN $terms WHERE toLower(toString(value)) CONTAINS term)
  RETURN type(r) AS type, elementId(r) AS id, field, value
}
RETURN type, id, field, value
LIMIT toInteger($limit)`;

/**
 * Same-length fillers for the string records an erasure freed: Neo4j reuses freed records and
 * overwrites them, where a deleted value otherwise stays readable in the store file until then.
 * Written and then removed in two transactions (one that does both writes nothing to the store).
 */
export const WRITE_ERASURE_FILLERS = /* cypher */ `
CREATE (m:StoreMaintenance {id: $marker})
SET m += $fillers`;

export const REMOVE_ERASURE_FILLERS = /* cypher */ `
MATCH (m:StoreMaintenance {id: $marker})
DELETE m`;

/**
 * The indexes on the erased properties are built again: a deleted key stays in an index page's free
 * space until the page is rewritten. schema/constraints.cypher creates them anew (ensureConstraints).
 */
export const DROP_PERSON_EMAIL_INDEX = /* cypher */ `DROP INDEX person_email IF EXISTS`;
export const DROP_PERSON_NAME_INDEX = /* cypher */ `DROP INDEX person_name IF EXISTS`;

/** Where Enterprise has it, a checkpoint (prunes the transaction logs by the server's retention policy). */
export const CHECKPOINT = /* cypher */ `CALL db.checkpoint()`;

/** Erases a person in one statement: what goes and what stays is listed at erasePerson. */
export const ERASE_PERSON = bumpingTieVersion(
  /* cypher */ `
MATCH (p:Person {id: $id})
WITH p, p.id AS oldId, 'erased-' + randomUUID() AS newId
CALL (p) { OPTIONAL MATCH (p)-[k:KNOWS]-() DELETE k RETURN count(k) AS tiesRemoved }
CALL (p) {
  OPTIONAL MATCH (p)-[:INITIATED|WITH]-(i:Interaction)
  WITH DISTINCT i WHERE i.note IS NOT NULL
  SET i.note = null
  RETURN count(i) AS interactionNotesRemoved
}
CALL (p) {
  OPTIONAL MATCH (pr:Proposal)-[:TO_TEACHER]->(p)
  WITH pr WHERE pr.declineReason IS NOT NULL
  SET pr.declineReason = null
  RETURN count(pr) AS proposalReasonsRemoved
}
CALL (p) {
  // A follow-up note on a proposal to the person may quote them.
  OPTIONAL MATCH (p)<-[:TO_TEACHER]-(:Proposal)-[:HAD_FOLLOW_UP]->(f:ProposalFollowUp) WHERE f.note IS NOT NULL
  SET f.note = null
}
CALL (oldId, newId) {
  // A referral names the referring person by id: it follows the erased person's new id.
  OPTIONAL MATCH (:Partner)-[r:REFERRED {by: oldId}]->(:Case)
  SET r.by = newId
}
CALL (oldId, newId) {
  // A tie a warm introduction started names its introducer by id: it follows the new id too.
  OPTIONAL MATCH (:Person)-[k:KNOWS {introducedBy: oldId}]->(:Person)
  SET k.introducedBy = newId
}
CALL (oldId, newId) {
  // Who withdrew a proposal (matchCase/closeCase) or logged a follow-up: the timeline's by follows the new id.
  OPTIONAL MATCH (pr:Proposal {withdrawnBy: oldId})
  SET pr.withdrawnBy = newId
}
CALL (oldId, newId) {
  OPTIONAL MATCH (f:ProposalFollowUp {by: oldId})
  SET f.by = newId
}
CALL (oldId, newId) {
  // A teacher who answered through a link in a message is the answer's author (docs/mail.md).
  OPTIONAL MATCH (pr:Proposal {answeredBy: oldId})
  SET pr.answeredBy = newId
}
CALL (p) {
  // The outbox keeps every message to the person: address, name and greeting go with them (docs/mail.md).
  OPTIONAL MATCH (m:MailMessage)-[:TO_PERSON]->(p)
  DETACH DELETE m
}
CALL (p, oldId, newId) {
  // The portal (#18): a claim's or a forward's note is its sender's own words, and the decline reason of their claim may
  // quote them: cleared; who sent or forwarded it follows the new id.
  OPTIONAL MATCH (pr:Proposal) WHERE pr.origin IN ['CLAIM', 'FORWARD'] AND (pr.sentBy = oldId OR pr.forwardedBy = oldId)
  SET pr.claimNote = null, pr.forwardNote = null, pr.claimDeclineReason = null,
      pr.sentBy = CASE WHEN pr.sentBy = oldId THEN newId ELSE pr.sentBy END,
      pr.forwardedBy = CASE WHEN pr.forwardedBy = oldId THEN newId ELSE pr.forwardedBy END
}
CALL (p) {
  // A case forwarded to the person: the forwarder's note may be about them.
  OPTIONAL MATCH (pr:Proposal {origin: 'FORWARD'})-[:TO_TEACHER]->(p)
  SET pr.forwardNote = null
}
CALL (oldId, newId) {
  // Who confirmed or declined a claim: the timeline's author follows the new id.
  OPTIONAL MATCH (pr:Proposal {claimDecidedBy: oldId})
  SET pr.claimDecidedBy = newId
}
CALL (p) {
  // An invitation to the portal holds the address it went to (docs/security.md "Invitations"): it goes with them.
  OPTIONAL MATCH (i:Invitation)-[:INVITES]->(p)
  DETACH DELETE i
}
CALL (oldId) {
  // The public form (#18): how the SME heard of us is the words of the contact who sent the question (the first
  // timeline entry of a self-submitted case is theirs): cleared before the timeline follows the new id.
  OPTIONAL MATCH (k:Case {selfSubmitted: true})-[:HAD_EVENT]->(:CaseEvent {by: oldId}) WHERE k.heardOf IS NOT NULL
  WITH DISTINCT k
  SET k.heardOf = null
  RETURN count(k) AS heardOfCleared
}
CALL (oldId, newId) {
  OPTIONAL MATCH (e:CaseEvent {by: oldId})
  SET e.by = newId
  RETURN count(e) AS caseEventsRelinked
}
CALL (oldId) {
  // A portal account (INSTITUTION_CONTACT, TEACHER) exists only to show what its person reaches (#18): it goes with
  // its e-mail and name, so no sign-in with it works again (docs/security.md "Erasure").
  OPTIONAL MATCH (u:User {personId: oldId}) WHERE any(role IN u.roles WHERE role IN $portalRoles)
  WITH collect(u) AS portal
  WITH portal, [u IN portal | u.id] AS ids
  FOREACH (u IN portal | DETACH DELETE u)
  RETURN ids AS accountsRemovedIds
}
CALL (oldId) {
  // A staff account (coordinator, …) is the person's work, not their data: it stays, unlinked.
  OPTIONAL MATCH (u:User {personId: oldId})
  SET u.personId = null
  RETURN count(u) AS accountsUnlinked
}
SET p = { id: newId, name: 'Erased person', erasedAt: datetime() }
RETURN newId AS erasedId, tiesRemoved, interactionNotesRemoved, proposalReasonsRemoved, caseEventsRelinked, accountsUnlinked,
       accountsRemovedIds, heardOfCleared`,
  // Whose ties change: the people at the other end of the erased person's ties. Not the erased person: their id is
  // about to change, and the log keeps nothing that names them (tie-version.ts).
  "COLLECT { MATCH (:Person {id: $id})-[:KNOWS]-(other:Person) RETURN DISTINCT elementId(other) }",
);

/** Everything the graph holds about one person: what is included is listed at exportPerson. */
export const EXPORT_PERSON = /* cypher */ `
MATCH (p:Person {id: $id})
CALL (p) {
  OPTIONAL MATCH (p)-[r]-(other) WHERE NOT r:KNOWS
  RETURN collect(CASE WHEN r IS NULL THEN null ELSE {
    relationship: type(r), direction: CASE WHEN startNode(r) = p THEN 'OUT' ELSE 'IN' END,
    properties: properties(r), otherLabels: labels(other), otherId: other.id, otherName: coalesce(other.name, other.title)
  } END) AS relationships
}
CALL (p) {
  OPTIONAL MATCH (p)-[k:KNOWS]-(o:Person)
  RETURN collect(CASE WHEN k IS NULL THEN null ELSE { personId: o.id, name: o.name, properties: properties(k) } END) AS ties
}
CALL (p) {
  OPTIONAL MATCH (p)-[role:INITIATED|WITH]-(i:Interaction)
  WITH DISTINCT i, type(role) AS role WHERE i IS NOT NULL
  OPTIONAL MATCH (b:Person)-[:INITIATED]->(i)
  OPTIONAL MATCH (i)-[:WITH]->(w:Person)
  OPTIONAL MATCH (i)-[:ABOUT]->(about)
  WITH i, role, collect(DISTINCT b.name) AS byNames, collect(DISTINCT w.name) AS withNames, collect(DISTINCT coalesce(about.name, about.id)) AS aboutNames
  RETURN collect({ role: CASE role WHEN 'INITIATED' THEN 'initiated' ELSE 'with' END, properties: properties(i), by: byNames, with: withNames, about: aboutNames }) AS interactions
}
CALL (p) {
  OPTIONAL MATCH (p)-[:CONTACT_FOR]->(s:Sme)-[:ASKED]->(c:Case)
  RETURN collect(CASE WHEN c IS NULL THEN null ELSE { caseId: c.id, title: c.title, status: c.status, sme: s.name } END) AS casesAsContact
}
CALL (p) {
  // The public form (#18): the questions the person sent themselves (they wrote the first timeline entry), with their
  // consent and how they heard of us, in their own words.
  OPTIONAL MATCH (c:Case {selfSubmitted: true})-[:HAD_EVENT]->(:CaseEvent {by: p.id})
  WITH DISTINCT c
  RETURN collect(CASE WHEN c IS NULL THEN null ELSE { caseId: c.id, title: c.title, question: c.question, heardOf: c.heardOf,
    language: c.submissionLanguage, consentVersion: c.consentVersion, consentText: c.consentText, consentAt: toString(c.consentAt) } END)
    AS submissions
}
CALL (p) {
  OPTIONAL MATCH (c:Case)-[:HANDLED_BY]->(p)
  RETURN collect(CASE WHEN c IS NULL THEN null ELSE { caseId: c.id, title: c.title, status: c.status } END) AS casesHandled
}
CALL (p) {
  OPTIONAL MATCH (c:Case)-[:HAD_EVENT]->(e:CaseEvent {by: p.id})
  RETURN collect(CASE WHEN e IS NULL THEN null ELSE { caseId: c.id, properties: properties(e) } END) AS caseEvents
}
CALL (p) {
  OPTIONAL MATCH (u:User {personId: p.id})
  RETURN collect(CASE WHEN u IS NULL THEN null ELSE { id: u.id, email: u.email, name: u.name, roles: u.roles, disabled: u.disabled } END) AS userAccounts
}
CALL (p) {
  // The portal (#18): the cases the person claimed or forwarded, with their notes (their own words).
  OPTIONAL MATCH (pr:Proposal)-[:OF_CASE]->(c:Case)
  WHERE pr.origin IN ['CLAIM', 'FORWARD'] AND (pr.sentBy = p.id OR pr.forwardedBy = p.id)
  RETURN collect(CASE WHEN pr IS NULL THEN null ELSE { caseId: c.id, title: c.title, origin: pr.origin, sentAt: toString(pr.sentAt),
    claimState: pr.claimState, claimNote: pr.claimNote, forwardNote: pr.forwardNote } END) AS portalProposals
}
RETURN properties(p) AS person, relationships, ties, interactions, casesAsContact, casesHandled, caseEvents, userAccounts,
       portalProposals, submissions`;

CALL () {
  MERGE (tieVersion:TieVersion {id: 'ties'})
  WITH tieVersion, randomUUID() AS version, COLLECT { MATCH (:Person {id: $id})-[:KNOWS]-(other:Person) RETURN DISTINCT elementId(other) } AS people
  SET tieVersion.version = version,
      tieVersion.changes = (coalesce(tieVersion.changes, []) +
        [version + CASE WHEN people IS NULL THEN ' *' ELSE reduce(s = '', p IN people | s + ' ' + p) END])[-64..]
}
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
       accountsRemovedIds, heardOfCleared

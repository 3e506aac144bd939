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
       portalProposals, submissions

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
RETURN p.name AS name, p.email AS email, [v IN removed | size(toString(v))] AS lengths

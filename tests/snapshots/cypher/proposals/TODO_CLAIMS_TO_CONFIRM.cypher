MATCH (p:Proposal {origin: 'CLAIM', claimState: 'PENDING'})-[:OF_CASE]->(k:Case)
WHERE p.withdrawnAt IS NULL AND k.status IN ['QUALIFIED', 'PROPOSED']
  AND ($coordinator IS NULL OR EXISTS { (k)-[:HANDLED_BY]->(:Person {id: $coordinator}) }
       OR NOT EXISTS { (k)-[:HANDLED_BY]->(:Person) })
MATCH (p)-[:TO_TEACHER]->(t:Person)
OPTIONAL MATCH (p)-[:FOR_COURSE]->(c:Course)
RETURN p.id AS proposalId, k.id AS caseId, k.title AS caseTitle, t.name AS claimerName, c.name AS courseName,
       toString(p.sentAt) AS at
ORDER BY p.sentAt, p.id LIMIT 100

MATCH (p:Proposal {answer: 'INTERESTED'})-[:OF_CASE]->(k:Case)
WHERE k.status IN ['QUALIFIED', 'PROPOSED'] AND NOT coalesce(p.claimState, '') IN ['DECLINED', 'PENDING']
  AND ($coordinator IS NULL OR EXISTS { (k)-[:HANDLED_BY]->(:Person {id: $coordinator}) })
MATCH (p)-[:TO_TEACHER]->(t:Person)
OPTIONAL MATCH (p)-[:FOR_COURSE]->(c:Course)
RETURN p.id AS proposalId, k.id AS caseId, k.title AS caseTitle, t.name AS teacherName, c.name AS courseName,
       toString(p.answeredAt) AS at, p.answeredVia AS via
ORDER BY p.answeredAt, p.id LIMIT 100

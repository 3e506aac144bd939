MATCH (x:Person {id: $person})
WITH x, date($asOf) AS d
RETURN
  COLLECT {
    MATCH (p:Proposal)-[:TO_TEACHER]->(x)
    WHERE date(p.sentAt) <= d AND date(p.expiresAt) > d
      AND (p.answer IS NULL OR (p.answeredAt IS NOT NULL AND date(p.answeredAt) > d))
      AND (p.withdrawnAt IS NULL OR date(p.withdrawnAt) > d)
    OPTIONAL MATCH (p)-[:OF_CASE]->(c:Case)
    OPTIONAL MATCH (p)-[:FOR_COURSE]->(k:Course)
    RETURN DISTINCT {id: p.id, kind: 'PROPOSAL', title: coalesce(c.title, p.id), courseName: k.name} AS w ORDER BY w.id
  } AS proposals,
  COLLECT {
    MATCH (s:Sprint {status: 'RUNNING'})
    WHERE EXISTS { (s)-[:SUPERVISED_BY]->(x) } OR EXISTS { (s)-[:IN_COURSE]->(:Course)<-[:TEACHES]-(x) }
    OPTIONAL MATCH (s)-[:FOR_CASE]->(c:Case)
    OPTIONAL MATCH (s)-[:IN_COURSE]->(k:Course)
    RETURN DISTINCT {id: s.id, kind: 'SPRINT', title: coalesce(c.title, s.id), courseName: k.name} AS w ORDER BY w.id
  } AS sprints

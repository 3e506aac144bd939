MATCH (s:Sme {id: $smeId})
CREATE (s)-[:ASKED]->(k:Case {
  id: $caseId, title: $title, question: $question, topics: $topics, wantedLevels: $wantedLevels,
  effort: $effort, earliestStart: date($earliestStart), deadline: date($deadline),
  status: $status, created: datetime($now)
})
WITH k
OPTIONAL MATCH (c:Person {id: $coordinatorId})
FOREACH (_ IN CASE WHEN c IS NULL THEN [] ELSE [1] END | CREATE (k)-[:HANDLED_BY]->(c))

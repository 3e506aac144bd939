MATCH (k:Case {id: $caseId}), (t:Person {id: $colleagueId})
CREATE (p:Proposal {id: $id, origin: 'FORWARD', sentAt: datetime($now), channel: 'WARM_INTRODUCTION',
                    expiresAt: datetime($now) + duration({days: toInteger($expiryDays)}), sentBy: $forwarderId,
                    forwardedBy: $forwarderId, forwardNote: $note})
CREATE (p)-[:OF_CASE]->(k), (p)-[:TO_TEACHER]->(t)
WITH p
OPTIONAL MATCH (c:Course {id: $courseId})
FOREACH (_ IN CASE WHEN c IS NULL THEN [] ELSE [1] END | CREATE (p)-[:FOR_COURSE]->(c))

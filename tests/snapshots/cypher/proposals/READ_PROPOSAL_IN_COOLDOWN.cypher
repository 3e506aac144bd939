MATCH (:Case {id: $caseId})<-[:OF_CASE]-(p:Proposal)-[:TO_TEACHER]->(t:Person {id: $teacherId})
WHERE p.sentAt > datetime($sentAt) - duration({days: toInteger($days)}) AND p.sentAt < datetime($sentAt) + duration({days: toInteger($days)})
RETURN toString(p.sentAt) AS sentAt, toString(p.sentAt + duration({days: toInteger($days)})) AS until, t.name AS teacher
ORDER BY p.sentAt DESC LIMIT 1

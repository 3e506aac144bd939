MATCH (k:Case {id: $caseId}), (t:Person {id: $teacherId}), (c:Course {id: $courseId})
CREATE (p:Proposal {id: $id, sentAt: datetime($sentAt), channel: $channel,
                    expiresAt: datetime($sentAt) + duration({days: toInteger($expiryDays)}), sentBy: $by,
                    deliveryStatus: $delivery})
CREATE (p)-[:OF_CASE]->(k), (p)-[:TO_TEACHER]->(t), (p)-[:FOR_COURSE]->(c)

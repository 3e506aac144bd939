MATCH (k:Case {id: $caseId}), (t:Person {id: $personId}), (c:Course {id: $courseId})
CREATE (p:Proposal {id: $id, origin: 'CLAIM', sentAt: datetime($now), channel: 'WEBSITE',
                    expiresAt: datetime($now) + duration({days: toInteger($expiryDays)}), sentBy: $personId,
                    answer: 'INTERESTED', answeredAt: datetime($now), answeredBy: $personId, answeredVia: 'CLAIM',
                    claimState: 'PENDING', claimNote: $note})
CREATE (p)-[:OF_CASE]->(k), (p)-[:TO_TEACHER]->(t), (p)-[:FOR_COURSE]->(c)

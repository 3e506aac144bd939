MATCH (:Case {id: $caseId})<-[:OF_CASE]-(p:Proposal {origin: 'CLAIM'})-[:FOR_COURSE]->(:Course {id: $courseId})
WHERE p.claimState IN ['PENDING', 'CONFIRMED']
RETURN p.id AS id, p.claimState AS claimState LIMIT 1

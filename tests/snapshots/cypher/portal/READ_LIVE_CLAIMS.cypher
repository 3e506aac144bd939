UNWIND $pairs AS pair
MATCH (:Case {id: pair.caseId})<-[:OF_CASE]-(p:Proposal {origin: 'CLAIM'})-[:FOR_COURSE]->(:Course {id: pair.courseId})
WHERE p.claimState IN ['PENDING', 'CONFIRMED']
RETURN pair.caseId AS caseId, pair.courseId AS courseId, head(collect(p.claimState)) AS state

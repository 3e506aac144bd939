UNWIND $courseIds AS courseId
MATCH (c:Course {id: courseId})<-[:TEACHES]-(t:Person)
WITH t, collect(c.id) AS courseIds
CALL (t) {
  OPTIONAL MATCH (pr:Proposal)-[:TO_TEACHER]->(t)
  RETURN count(pr.answer) AS answered,
         count(CASE WHEN pr.answer IS NULL AND pr.withdrawnAt IS NULL AND pr.expiresAt < datetime($now) THEN 1 END) AS expired
}
CALL (t) {
  OPTIONAL MATCH (s:Sprint {status: 'COMPLETED'})-[:SUPERVISED_BY]->(t)
  RETURN count(s) AS completed, avg(s.smeRating) AS rating
}
RETURN t.id AS id, t.name AS name, courseIds, answered, expired, completed, rating,
       $caseId IS NOT NULL AND EXISTS { (:Case {id: $caseId})<-[:OF_CASE]-(:Proposal)-[:TO_TEACHER]->(t) } AS proposedForCase

MATCH (c:Course {id: $courseId})
OPTIONAL CALL (c) {
  MATCH (:Case {id: $caseId})<-[:OF_CASE]-(p:Proposal {answer: 'INTERESTED'})-[:FOR_COURSE]->(c), (p)-[:TO_TEACHER]->(t:Person)
  RETURN t.id AS interested ORDER BY p.answeredAt DESC LIMIT 1
}
RETURN interested, COLLECT { MATCH (c)<-[:TEACHES]-(t:Person) RETURN t.id } AS teachers

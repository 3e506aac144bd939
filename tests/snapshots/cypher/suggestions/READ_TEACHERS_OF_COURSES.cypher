UNWIND $courseIds AS courseId
MATCH (:Course {id: courseId})<-[:TEACHES]-(t:Person)
RETURN DISTINCT t.id AS id

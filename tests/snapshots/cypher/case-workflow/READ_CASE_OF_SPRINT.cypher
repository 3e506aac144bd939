MATCH (:Sprint {id: $id})-[:FOR_CASE]->(k:Case)
RETURN k.id AS caseId

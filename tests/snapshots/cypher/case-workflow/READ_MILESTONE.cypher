MATCH (s:Sprint)-[:HAS_MILESTONE]->(m:Milestone {id: $id})
RETURN s.id AS sprintId, s.status AS sprintStatus, m.title AS title, toString(m.due) AS due, m.done AS done

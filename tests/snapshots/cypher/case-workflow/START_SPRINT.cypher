MATCH (s:Sprint {id: $id})
SET s.status = 'RUNNING'

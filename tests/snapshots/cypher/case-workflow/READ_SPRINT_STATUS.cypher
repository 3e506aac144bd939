MATCH (s:Sprint {id: $id})
RETURN s.status AS status

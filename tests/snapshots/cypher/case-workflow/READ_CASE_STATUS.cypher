MATCH (k:Case {id: $id})
RETURN k.status AS status

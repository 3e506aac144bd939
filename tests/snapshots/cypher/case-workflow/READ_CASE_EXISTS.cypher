MATCH (k:Case {id: $id})
RETURN k.id AS id

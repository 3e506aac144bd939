MATCH (t:Person {id: $id})
RETURN t.id AS id

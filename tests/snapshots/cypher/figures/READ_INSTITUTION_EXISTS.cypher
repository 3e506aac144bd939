MATCH (i:Institution {id: $institution})
RETURN i.id AS id

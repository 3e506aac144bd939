MATCH (t:Person {id: $id})
RETURN t {.id, .name, .email} AS teacher

UNWIND $ids AS id
MATCH (n:Institution {id: id})
RETURN n.id AS id

UNWIND $ids AS id
MATCH (n:Programme {id: id})
RETURN n.id AS id

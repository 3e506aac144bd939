UNWIND $ids AS id
MATCH (n:Course {id: id})
RETURN n.id AS id

UNWIND $ids AS id
MATCH (n:Partner {id: id})
RETURN n.id AS id

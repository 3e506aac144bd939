UNWIND $ids AS id
MATCH (n:Sme {id: id})
RETURN n.id AS id

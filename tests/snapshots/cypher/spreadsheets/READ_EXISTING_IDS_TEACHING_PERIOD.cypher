UNWIND $ids AS id
MATCH (n:TeachingPeriod {id: id})
RETURN n.id AS id

UNWIND $ids AS id
MATCH (p:Person {id: id})
WITH p ORDER BY p.id
SET p.tieLock = true REMOVE p.tieLock
RETURN p.id AS id

MATCH (n:Course {id: $id})
SET n._lock = true REMOVE n._lock
RETURN n.name AS name, coalesce(n.mappingStatus, 'NOT_APPROACHED') AS status

MATCH (n:Proposal {id: $id})
SET n._lock = true
REMOVE n._lock
RETURN n.id AS id

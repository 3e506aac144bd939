UNWIND $ids AS id
MATCH (n:Workspace {id: id})
RETURN n.id AS id

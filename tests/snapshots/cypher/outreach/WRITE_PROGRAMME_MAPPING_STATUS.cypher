MATCH (n:Programme {id: $id})
SET n.mappingStatus = $status

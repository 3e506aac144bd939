MATCH (n:Course {id: $id})
SET n.mappingStatus = $status

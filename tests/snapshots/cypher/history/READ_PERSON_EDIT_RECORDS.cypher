MATCH (r:EditRecord)
WHERE r.nodeId = $id OR r.byPerson = $id OR r.changes CONTAINS $quoted
RETURN r.id AS id, r.nodeId AS nodeId, r.byPerson AS byPerson, r.changes AS changes

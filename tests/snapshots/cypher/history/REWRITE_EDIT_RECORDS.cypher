UNWIND $records AS rec
MATCH (r:EditRecord {id: rec.id})
SET r.nodeId = rec.nodeId, r.byPerson = rec.byPerson, r.changes = rec.changes

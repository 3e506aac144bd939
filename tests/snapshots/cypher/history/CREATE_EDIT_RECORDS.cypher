UNWIND $records AS rec
CREATE (:EditRecord {id: randomUUID(), nodeId: rec.nodeId, label: rec.label, operation: rec.operation, at: datetime(rec.at),
  byUser: rec.byUser, byPerson: rec.byPerson, changes: rec.changes})

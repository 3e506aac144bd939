MATCH (r:EditRecord {nodeId: $id})
RETURN r.id AS id, r.label AS label, r.operation AS operation, toString(r.at) AS at, r.byUser AS byUser, r.byPerson AS byPerson,
  r.changes AS changes
ORDER BY r.at DESC, r.id

OPTIONAL MATCH (v:TieVersion {id: 'ties'})
RETURN v.version AS version, v.changes AS changes

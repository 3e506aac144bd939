OPTIONAL MATCH (v:TieVersion {id: 'ties'}) RETURN v.version AS version

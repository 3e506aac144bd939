CALL () {
  MERGE (tieVersion:TieVersion {id: 'ties'})
  WITH tieVersion, randomUUID() AS version, null AS people
  SET tieVersion.version = version,
      tieVersion.changes = (coalesce(tieVersion.changes, []) +
        [version + CASE WHEN people IS NULL THEN ' *' ELSE reduce(s = '', p IN people | s + ' ' + p) END])[-64..]
}

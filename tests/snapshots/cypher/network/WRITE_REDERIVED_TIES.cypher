CALL () {
  MERGE (tieVersion:TieVersion {id: 'ties'})
  WITH tieVersion, randomUUID() AS version, CASE WHEN size($updates) > 200 THEN null ELSE COLLECT {
    UNWIND $updates AS u
    MATCH (a:Person)-[k:KNOWS]->(b:Person) WHERE elementId(k) = u.tie
    RETURN DISTINCT elementId(a) + '|' + elementId(b)
  } END AS people
  SET tieVersion.version = version,
      tieVersion.changes = (coalesce(tieVersion.changes, []) +
        [version + CASE WHEN people IS NULL THEN ' *' ELSE reduce(s = '', p IN people | s + ' ' + p) END])[-64..]
}
UNWIND $updates AS u
MATCH ()-[k:KNOWS]->()
WHERE elementId(k) = u.tie AND toFloat(k.strength) = u.previousStrength AND NOT coalesce(k.manual, false)
SET k.strength = u.strength, k.baseStrength = u.base
RETURN count(k) AS changed

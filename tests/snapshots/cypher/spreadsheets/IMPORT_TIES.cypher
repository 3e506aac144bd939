CALL () {
  MERGE (tieVersion:TieVersion {id: 'ties'})
  WITH tieVersion, randomUUID() AS version, CASE WHEN size($rows) > 200 THEN null ELSE COLLECT {
    UNWIND [row IN $rows | [row.personA, row.personB]] AS pair
    MATCH (a:Person {id: pair[0]}), (b:Person {id: pair[1]})
    RETURN DISTINCT elementId(a) + '|' + elementId(b)
  } END AS people
  SET tieVersion.version = version,
      tieVersion.changes = (coalesce(tieVersion.changes, []) +
        [version + CASE WHEN people IS NULL THEN ' *' ELSE reduce(s = '', p IN people | s + ' ' + p) END])[-64..]
}
UNWIND $rows AS row
MATCH (a:Person {id: row.personA}), (b:Person {id: row.personB})
MERGE (a)-[k:KNOWS]-(b)
SET k.strength = row.strength, k.channel = row.channel,
    k.since = coalesce(date(row.since), k.since), k.lastContact = coalesce(date(row.lastContact), k.lastContact),
    k.note = coalesce(row.note, k.note), k.manual = coalesce(row.manual, k.manual)

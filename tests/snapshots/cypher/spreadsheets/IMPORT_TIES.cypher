CALL () {
  MERGE (tieVersion:TieVersion {id: 'ties'})
  SET tieVersion.version = randomUUID()
}
UNWIND $rows AS row
MATCH (a:Person {id: row.personA}), (b:Person {id: row.personB})
MERGE (a)-[k:KNOWS]-(b)
SET k.strength = row.strength, k.channel = row.channel,
    k.since = coalesce(date(row.since), k.since), k.lastContact = coalesce(date(row.lastContact), k.lastContact),
    k.note = coalesce(row.note, k.note), k.manual = coalesce(row.manual, k.manual)

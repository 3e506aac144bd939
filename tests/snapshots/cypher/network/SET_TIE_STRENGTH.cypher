CALL () {
  MERGE (tieVersion:TieVersion {id: 'ties'})
  WITH tieVersion, randomUUID() AS version, COLLECT {
    UNWIND [[$a, $b]] AS pair
    MATCH (a:Person {id: pair[0]}), (b:Person {id: pair[1]})
    RETURN DISTINCT elementId(a) + '|' + elementId(b)
  } AS people
  SET tieVersion.version = version,
      tieVersion.changes = (coalesce(tieVersion.changes, []) +
        [version + CASE WHEN people IS NULL THEN ' *' ELSE reduce(s = '', p IN people | s + ' ' + p) END])[-64..]
}
MATCH (a:Person {id: $a}), (b:Person {id: $b})
OPTIONAL MATCH (a)-[old:KNOWS]-(b)
WITH a, b, count(old) = 0 AS created
MERGE (a)-[k:KNOWS]-(b)
  ON CREATE SET k.channel = coalesce($channel, 'OTHER')
WITH k, created ORDER BY elementId(k) LIMIT 1
WITH k, created, properties(k) AS before
SET k.strength = $strength, k.manual = true, k.channel = coalesce($channel, k.channel), k.note = coalesce($reason, k.note)
RETURN created, k.strength AS strength, k.manual AS manual, k.channel AS channel, k.since AS since, k.lastContact AS lastContact,
       k.note AS note, CASE WHEN created THEN null ELSE before END AS before

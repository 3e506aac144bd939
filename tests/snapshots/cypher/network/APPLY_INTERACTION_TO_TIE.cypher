CALL () {
  MERGE (tieVersion:TieVersion {id: 'ties'})
  WITH tieVersion, randomUUID() AS version, COLLECT {
    UNWIND [[$fromId, $toId]] AS pair
    MATCH (a:Person {id: pair[0]}), (b:Person {id: pair[1]})
    RETURN DISTINCT elementId(a) + '|' + elementId(b)
  } AS people
  SET tieVersion.version = version,
      tieVersion.changes = (coalesce(tieVersion.changes, []) +
        [version + CASE WHEN people IS NULL THEN ' *' ELSE reduce(s = '', p IN people | s + ' ' + p) END])[-64..]
}
MATCH (a:Person {id: $fromId}), (b:Person {id: $toId})
MERGE (a)-[k:KNOWS]-(b)
  ON CREATE SET k.channel = $channel, k.since = date($date), k.manual = false
WITH k ORDER BY elementId(k) LIMIT 1
SET k.lastContact = CASE WHEN k.lastContact IS NULL OR k.lastContact < date($date) THEN date($date) ELSE k.lastContact END,
    k.baseStrength = $base,
    k.introducedBy = $introducedBy,
    k.strength = CASE WHEN coalesce(k.manual, false) THEN k.strength ELSE $derived END,
    k.manual = coalesce(k.manual, false)
RETURN k.strength AS strength, coalesce(k.manual, false) AS manual, k.baseStrength AS baseStrength,
       k.channel AS channel, k.since AS since, k.lastContact AS lastContact, k.introducedBy AS introducedBy

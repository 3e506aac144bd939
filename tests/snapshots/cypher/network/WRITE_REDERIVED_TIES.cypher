CALL () {
  MERGE (tieVersion:TieVersion {id: 'ties'})
  SET tieVersion.version = randomUUID()
}
UNWIND $updates AS u
MATCH ()-[k:KNOWS]->()
WHERE elementId(k) = u.tie AND k.strength = u.previousStrength AND NOT coalesce(k.manual, false)
SET k.strength = u.strength, k.baseStrength = u.base
RETURN count(k) AS changed

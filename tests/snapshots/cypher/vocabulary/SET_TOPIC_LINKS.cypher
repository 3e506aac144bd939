CALL () {
  MERGE (catalogueVersion:CatalogueVersion {id: 'catalogue'})
  SET catalogueVersion.version = randomUUID()
}
MATCH (t:Topic {id: $id})
WITH t, COLLECT { MATCH (t)-[:BROADER]->(b:Topic) RETURN b.id ORDER BY b.id } AS oldBroader,
        COLLECT { MATCH (n:Topic)-[:BROADER]->(t) RETURN n.id ORDER BY n.id } AS oldNarrower
CALL (t) {
  OPTIONAL MATCH (t)-[r:BROADER]->(b:Topic) WHERE $broader IS NOT NULL AND NOT b.id IN $broader
  DELETE r
}
CALL (t) {
  OPTIONAL MATCH (n:Topic)-[r:BROADER]->(t) WHERE $narrower IS NOT NULL AND NOT n.id IN $narrower
  DELETE r
}
CALL (t) {
  UNWIND coalesce($broader, []) AS broaderId
  MATCH (b:Topic {id: broaderId})
  MERGE (t)-[:BROADER]->(b)
}
CALL (t) {
  UNWIND coalesce($narrower, []) AS narrowerId
  MATCH (n:Topic {id: narrowerId})
  MERGE (n)-[:BROADER]->(t)
}
RETURN oldBroader, oldNarrower

CALL () {
  MERGE (catalogueVersion:CatalogueVersion {id: 'catalogue'})
  SET catalogueVersion.version = randomUUID()
}
MATCH (f:Topic {id: $from}), (i:Topic {id: $into})
CALL (f, i) {
  MATCH (n)-[a:ABOUT]->(f) WHERE n:Case OR n:Course
  MERGE (n)-[b:ABOUT]->(i)
  ON CREATE SET b.word = a.word, b.how = a.how
  DELETE a
}
CALL (f, i) {
  MATCH (f)-[r:BROADER]->(b:Topic) WHERE b <> i
  MERGE (i)-[:BROADER]->(b)
  DELETE r
}
CALL (f, i) {
  MATCH (n:Topic)-[r:BROADER]->(f) WHERE n <> i
  MERGE (n)-[:BROADER]->(i)
  DELETE r
}
CALL (f, i) {
  OPTIONAL MATCH (f)-[r:BROADER]-(i)
  DELETE r
}
WITH f, i, [s IN [f.labelNl, f.labelEn] + coalesce(f.synonyms, []) WHERE NOT s IN coalesce(i.synonyms, [])
                                                                   AND s <> i.labelNl AND s <> i.labelEn] AS added
SET i.synonyms = coalesce(i.synonyms, []) + reduce(acc = [], s IN added | CASE WHEN s IN acc THEN acc ELSE acc + s END),
    i.keys = coalesce(i.keys, []) + [k IN coalesce(f.keys, []) WHERE NOT k IN coalesce(i.keys, [])],
    f.status = 'MERGED', f.mergedInto = i.id, f.keys = []
RETURN i.id AS id

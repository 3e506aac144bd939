CALL () {
  MERGE (catalogueVersion:CatalogueVersion {id: 'catalogue'})
  SET catalogueVersion.version = randomUUID()
}
MATCH (t:Topic {id: $id})
SET t.status = 'ACCEPTED', t.labelNl = $labelNl, t.labelEn = $labelEn,
    t.keys = coalesce(t.keys, []) + [k IN $keys WHERE NOT k IN coalesce(t.keys, [])], t.acceptedAt = datetime($now)
WITH t
CALL (t) {
  UNWIND $broader AS broaderId
  MATCH (b:Topic {id: broaderId}) WHERE b.status = 'ACCEPTED' AND b <> t
  MERGE (t)-[:BROADER]->(b)
}
RETURN t.id AS id

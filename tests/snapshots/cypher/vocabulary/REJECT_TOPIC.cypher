CALL () {
  MERGE (catalogueVersion:CatalogueVersion {id: 'catalogue'})
  SET catalogueVersion.version = randomUUID()
}
MATCH (t:Topic {id: $id})
OPTIONAL MATCH (n)-[a:ABOUT]->(t)
WITH t, collect(n.id) AS owners, collect(a) AS links
FOREACH (a IN links | DELETE a)
SET t.status = 'REJECTED', t.rejectedAt = datetime($now)
RETURN owners

CALL () {
  MERGE (catalogueVersion:CatalogueVersion {id: 'catalogue'})
  SET catalogueVersion.version = randomUUID()
}
UNWIND $links AS l
MATCH (n:Course {id: l.ownerId})
CALL (n, l) {
  OPTIONAL MATCH (n)-[old:ABOUT]->(t:Topic) WHERE NOT t.id IN [x IN l.topics | x.topicId]
  DELETE old
}
CALL (n, l) {
  UNWIND l.topics AS x
  MATCH (t:Topic {id: x.topicId})
  MERGE (n)-[a:ABOUT]->(t)
  SET a.word = x.word, a.how = x.how
}
SET n.topicWords = l.words
RETURN count(n) AS linked

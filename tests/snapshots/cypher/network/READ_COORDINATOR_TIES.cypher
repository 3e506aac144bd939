MATCH (p:Person {id: $person})
UNWIND $coordinators AS cid
MATCH (c:Person {id: cid})
WHERE c <> p
OPTIONAL CALL (c, p) {
  MATCH (c)-[k:KNOWS]-(p)
  RETURN k ORDER BY elementId(k) LIMIT 1
}
RETURN c.id AS id, c.name AS name, k.strength AS strength, k.channel AS channel, toString(k.since) AS since,
       toString(k.lastContact) AS lastContact, coalesce(k.manual, false) AS manual,
       CASE WHEN k.introducedBy IS NULL THEN null
         ELSE COLLECT { MATCH (x:Person) WHERE x.id = k.introducedBy RETURN x {.id, .name} }[0] END AS introducedBy,
       COLLECT {
         MATCH (c)-[:INITIATED]->(i:Interaction)-[:WITH]->(p) RETURN {date: toString(i.date), channel: i.channel, result: i.result} AS i
         UNION ALL
         MATCH (p)-[:INITIATED]->(i:Interaction)-[:WITH]->(c) RETURN {date: toString(i.date), channel: i.channel, result: i.result} AS i
       } AS interactions

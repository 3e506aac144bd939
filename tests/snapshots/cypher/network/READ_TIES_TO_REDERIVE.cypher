MATCH (p:Person)-[:INITIATED]->(i:Interaction)-[:WITH]->(q:Person)
WHERE p <> q
WITH CASE WHEN p.id < q.id THEN p ELSE q END AS a, CASE WHEN p.id < q.id THEN q ELSE p END AS b, i
WITH a, b, a.id + '|' + b.id AS pair, collect({date: toString(i.date), channel: i.channel, result: i.result}) AS interactions
WITH a, b, pair, interactions WHERE pair > $after
WITH a, b, pair, interactions ORDER BY pair LIMIT toInteger($limit)
OPTIONAL CALL (a, b) {
  MATCH (a)-[k:KNOWS]-(b)
  RETURN k ORDER BY elementId(k) LIMIT 1
}
RETURN pair, elementId(k) AS tie, k.strength AS strength, k.baseStrength AS baseStrength,
       coalesce(k.manual, false) AS manual, interactions

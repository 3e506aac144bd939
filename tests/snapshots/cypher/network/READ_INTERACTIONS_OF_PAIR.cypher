MATCH (a:Person {id: $fromId}), (b:Person {id: $toId})
CALL (a, b) {
  MATCH (a)-[:INITIATED]->(i:Interaction)-[:WITH]->(b) RETURN i
  UNION
  MATCH (b)-[:INITIATED]->(i:Interaction)-[:WITH]->(a) RETURN i
}
RETURN toString(i.date) AS date, i.channel AS channel, i.result AS result

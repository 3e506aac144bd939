MATCH (b:Person {id: $by}), (w:Person {id: $with})
CREATE (b)-[:INITIATED]->(x:Interaction {
  id: coalesce($id, randomUUID()), date: date($date), channel: $channel, loggedAt: datetime()
})-[:WITH]->(w)
SET x.result = $result, x.note = $note
WITH x
CALL (x) {
  MATCH (p:Programme {id: $aboutProgramme}) CREATE (x)-[:ABOUT]->(p)
}
CALL (x) {
  MATCH (c:Course {id: $aboutCourse}) CREATE (x)-[:ABOUT]->(c)
}
CALL (x) {
  MATCH (ib:Person {id: $introducedBy}) CREATE (x)-[:INTRODUCED_BY]->(ib)
}
RETURN x {
  .id, date: toString(x.date), .channel, .result, .note,
  by: head([(b:Person)-[:INITIATED]->(x) | b {.id, .name, .email}]),
  with: head([(x)-[:WITH]->(w:Person) | w {.id, .name, .email}]),
  aboutProgramme: head([(x)-[:ABOUT]->(ap:Programme) | ap {.id, .name}]),
  aboutCourse: head([(x)-[:ABOUT]->(ac:Course) | ac {.id, .name}]),
  introducedBy: head([(x)-[:INTRODUCED_BY]->(ib:Person) | ib {.id, .name, .email}])
} AS interaction

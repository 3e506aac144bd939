MATCH (x:Interaction)
WHERE ($from IS NULL OR x.date >= date($from)) AND ($to IS NULL OR x.date <= date($to))
  AND ($person IS NULL OR EXISTS { (:Person {id: $person})-[:INITIATED]->(x) } OR EXISTS { (x)-[:WITH]->(:Person {id: $person}) })
  AND ($programme IS NULL OR EXISTS { (x)-[:ABOUT]->(:Programme {id: $programme}) }
       OR EXISTS { (x)-[:ABOUT]->(:Course)-[:PART_OF]->(:Programme {id: $programme}) })
  AND ($course IS NULL OR EXISTS { (x)-[:ABOUT]->(:Course {id: $course}) })
WITH x ORDER BY x.date DESC, coalesce(x.loggedAt, datetime('1970-01-01T00:00:00Z')) DESC, x.id DESC LIMIT toInteger($limit)
RETURN x {
  .id, date: toString(x.date), .channel, .result, .note,
  by: head([(b:Person)-[:INITIATED]->(x) | b {.id, .name, .email}]),
  with: head([(x)-[:WITH]->(w:Person) | w {.id, .name, .email}]),
  aboutProgramme: head([(x)-[:ABOUT]->(ap:Programme) | ap {.id, .name}]),
  aboutCourse: head([(x)-[:ABOUT]->(ac:Course) | ac {.id, .name}]),
  introducedBy: head([(x)-[:INTRODUCED_BY]->(ib:Person) | ib {.id, .name, .email}])
} AS interaction

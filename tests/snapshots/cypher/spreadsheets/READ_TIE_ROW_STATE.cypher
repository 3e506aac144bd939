UNWIND $rows AS row
OPTIONAL MATCH (:Person {id: row.a})-[k:KNOWS]-(:Person {id: row.b})
RETURN row.line AS line, collect(properties(k)) AS ties

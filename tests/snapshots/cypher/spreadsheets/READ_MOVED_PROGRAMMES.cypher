UNWIND $rows AS row
MATCH (:Programme {id: row.id})-[:OFFERED_BY]->(i:Institution) WHERE i.id <> row.institutionId
RETURN row.line AS line, i.id AS current

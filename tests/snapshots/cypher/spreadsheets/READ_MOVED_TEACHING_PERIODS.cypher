UNWIND $rows AS row
MATCH (:TeachingPeriod {id: row.id})<-[:HAS_PERIOD]-(i:Institution) WHERE i.id <> row.institutionId
RETURN row.line AS line, i.id AS current

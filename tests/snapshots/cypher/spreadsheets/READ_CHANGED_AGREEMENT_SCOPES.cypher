UNWIND $rows AS row
MATCH (n:Agreement {id: row.id}) WHERE n.scope <> row.scope
RETURN row.line AS line, n.scope AS current

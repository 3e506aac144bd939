UNWIND $rows AS row
MERGE (n:Partner {id: row.id})
SET n.name = row.name, n.kind = row.kind

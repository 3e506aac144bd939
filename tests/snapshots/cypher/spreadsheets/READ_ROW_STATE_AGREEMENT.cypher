UNWIND $rows AS row
OPTIONAL MATCH (n:Agreement {id: row.id})
RETURN row.line AS line, properties(n) AS props,
       [(n)-[r]-(m) | type(r) + CASE WHEN startNode(r) = n THEN '>' ELSE '<' END + coalesce(m.id, '') + ' ' + coalesce(toString(r.date), '') + coalesce(' ' + r.by, '')] AS rels

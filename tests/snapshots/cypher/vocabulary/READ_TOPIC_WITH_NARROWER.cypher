MATCH (t:Topic {id: $id})
RETURN [t.id] + COLLECT { MATCH (n:Topic)-[:BROADER*1..3]->(t) RETURN DISTINCT n.id } AS ids

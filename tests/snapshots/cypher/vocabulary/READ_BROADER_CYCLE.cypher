MATCH p = (t:Topic {id: $id})-[:BROADER*1..]->(t)
RETURN [x IN nodes(p) | x.id] AS ids
LIMIT 1

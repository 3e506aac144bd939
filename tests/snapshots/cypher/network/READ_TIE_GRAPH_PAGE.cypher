MATCH (a:Person) WHERE a.id > $after
WITH a ORDER BY a.id LIMIT toInteger($limit)
RETURN a.id AS id, [(a)-[k:KNOWS]->(b:Person) | [b.id, k.strength, elementId(k)]] AS ties

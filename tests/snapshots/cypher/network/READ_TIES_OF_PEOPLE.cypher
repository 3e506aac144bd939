UNWIND $nodes AS node
MATCH (p:Person) WHERE elementId(p) = node
RETURN p.id AS id, [(p)-[k:KNOWS]-(q:Person) | [q.id, k.strength, elementId(k)]] AS ties

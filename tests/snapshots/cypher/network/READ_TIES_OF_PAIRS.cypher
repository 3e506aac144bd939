UNWIND $pairs AS pair
MATCH (a:Person) WHERE elementId(a) = pair[0]
MATCH (b:Person) WHERE elementId(b) = pair[1]
RETURN a.id AS a, b.id AS b, [(a)-[k:KNOWS]-(b) | [k.strength, elementId(k)]] AS ties

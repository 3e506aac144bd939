UNWIND $ids AS id
OPTIONAL MATCH (x:Person {id: id})
RETURN id, [(x)-[r:KNOWS]-(y:Person) WHERE toFloat(r.strength) >= $threshold AND y <> x | y.id] AS ids

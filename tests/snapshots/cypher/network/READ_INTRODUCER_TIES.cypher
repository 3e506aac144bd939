MATCH (x:Person {id: $introducer})
RETURN COLLECT { MATCH (x)-[k:KNOWS]-(:Person {id: $fromId}) RETURN k.strength ORDER BY k.strength DESC LIMIT 1 }[0] AS toFrom,
       COLLECT { MATCH (x)-[k:KNOWS]-(:Person {id: $toId}) RETURN k.strength ORDER BY k.strength DESC LIMIT 1 }[0] AS toWith

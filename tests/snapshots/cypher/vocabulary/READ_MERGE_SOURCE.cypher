MATCH (f:Topic {id: $from}), (i:Topic {id: $into})
RETURN COLLECT { MATCH (n)-[:ABOUT]->(f) WHERE n:Case OR n:Course RETURN n.id ORDER BY n.id } AS owners,
       coalesce(i.synonyms, []) AS intoSynonyms

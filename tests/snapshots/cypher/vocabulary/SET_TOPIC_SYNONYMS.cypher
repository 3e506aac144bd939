MATCH (t:Topic {id: $id})
SET t.synonyms = $synonyms, t.keys = $keys
RETURN t.id AS id

MATCH (t:Topic {id: $id})
SET t.synonyms = coalesce(t.synonyms, []) + [s IN $synonyms WHERE NOT s IN coalesce(t.synonyms, [])],
    t.keys = coalesce(t.keys, []) + [k IN $keys WHERE NOT k IN coalesce(t.keys, [])]
RETURN t.id AS id

MATCH (t:Topic {id: $id})
SET t._lock = true
REMOVE t._lock
RETURN t.id AS id, t.status AS status, t.labelNl AS labelNl, t.labelEn AS labelEn, coalesce(t.synonyms, []) AS synonyms

MATCH (t:Topic) WHERE t.status IN ['ACCEPTED', 'PROPOSED']
RETURN t.id AS id, t.labelNl AS labelNl, t.labelEn AS labelEn, coalesce(t.synonyms, []) AS synonyms, t.status AS status

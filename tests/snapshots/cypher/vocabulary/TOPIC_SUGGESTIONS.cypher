CALL db.index.fulltext.queryNodes('topic_names', $query, {limit: toInteger($limit * 4)}) YIELD node, score
WITH node AS t, score WHERE t.status IN ['ACCEPTED', 'PROPOSED']
WITH t, score, any(k IN coalesce(t.keys, []) WHERE k STARTS WITH $key) AS prefix
ORDER BY prefix DESC, t.status ASC, score DESC, t.id ASC
LIMIT toInteger($limit)
RETURN t.id AS id, t.labelNl AS labelNl, t.labelEn AS labelEn, coalesce(t.synonyms, []) AS synonyms, t.status AS status

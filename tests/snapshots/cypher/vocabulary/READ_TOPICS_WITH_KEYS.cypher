UNWIND $keys AS key
MATCH (t:Topic) WHERE t.status IN ['ACCEPTED', 'PROPOSED'] AND key IN t.keys AND t.id <> $except
RETURN DISTINCT key, t.id AS id, t.labelEn AS labelEn

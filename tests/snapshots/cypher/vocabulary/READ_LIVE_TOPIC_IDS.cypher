UNWIND $ids AS wanted
MATCH (t:Topic {id: wanted}) WHERE t.status IN ['ACCEPTED', 'PROPOSED']
RETURN t.id AS id

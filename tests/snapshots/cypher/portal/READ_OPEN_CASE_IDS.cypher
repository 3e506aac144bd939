MATCH (k:Case) WHERE k.status IN ['QUALIFIED', 'PROPOSED'] AND EXISTS { (k)-[:ABOUT]->(:Topic) }
RETURN k.id AS id

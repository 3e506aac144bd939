MATCH (n:`Course`) WHERE n.id IN $ids
MATCH (n)--(m) WHERE any(l IN labels(m) WHERE l IN $owned)
RETURN n.id AS id, [l IN labels(m) WHERE l IN $owned][0] AS owned
LIMIT 1

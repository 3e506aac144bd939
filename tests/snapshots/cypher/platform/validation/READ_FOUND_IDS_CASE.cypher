MATCH (n:`Case`) WHERE n.id IN $ids
RETURN collect(n.id) AS found

MATCH (n:`Sprint`) WHERE n.id IN $ids
RETURN n[$other] AS other

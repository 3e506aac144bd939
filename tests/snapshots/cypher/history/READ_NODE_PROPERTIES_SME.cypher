MATCH (n:`Sme`) WHERE n.id IN $ids RETURN n.id AS id, properties(n) AS props

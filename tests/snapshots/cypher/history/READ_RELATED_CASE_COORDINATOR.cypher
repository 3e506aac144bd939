MATCH (n:`Case`)-[r:`HANDLED_BY`]->(m:`Person`) WHERE n.id IN $ids
RETURN n.id AS id, m.id AS other, properties(r) AS edge

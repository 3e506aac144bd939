MATCH (p:Partner {id: $id})
RETURN p.id AS id

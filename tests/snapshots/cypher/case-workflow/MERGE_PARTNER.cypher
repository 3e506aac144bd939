MERGE (p:Partner {id: $id})
ON CREATE SET p.name = $name, p.kind = $kind
RETURN p.id AS id

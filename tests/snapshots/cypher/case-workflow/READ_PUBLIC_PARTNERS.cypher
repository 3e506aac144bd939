MATCH (p:Partner)
RETURN p.id AS id, p.name AS name, p.kind AS kind
ORDER BY toLower(p.name), p.id
LIMIT 50

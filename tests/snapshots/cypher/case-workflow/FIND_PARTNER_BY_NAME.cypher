MATCH (p:Partner) WHERE toLower(trim(p.name)) = $key
RETURN p.id AS id
ORDER BY p.id
LIMIT 1

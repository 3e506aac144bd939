MATCH (s:Sme) WHERE toLower(trim(s.name)) = $nameKey AND toLower(trim(coalesce(s.city, ''))) = $cityKey
WITH s ORDER BY s.kvkNumber IS NULL, s.id LIMIT 1
SET s.city = coalesce(s.city, $city), s.sector = coalesce(s.sector, $sector), s.size = coalesce(s.size, $size)
RETURN s.id AS id

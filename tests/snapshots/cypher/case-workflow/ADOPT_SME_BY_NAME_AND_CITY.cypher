MATCH (s:Sme) WHERE s.kvkNumber IS NULL AND toLower(trim(s.name)) = $nameKey AND toLower(trim(coalesce(s.city, ''))) = $cityKey
WITH s ORDER BY s.id LIMIT 1
SET s.kvkNumber = $kvk, s.city = coalesce(s.city, $city), s.sector = coalesce(s.sector, $sector), s.size = coalesce(s.size, $size)
RETURN s.id AS id

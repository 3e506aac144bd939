MATCH (s:Sme {kvkNumber: $kvk})
SET s.city = coalesce(s.city, $city), s.sector = coalesce(s.sector, $sector), s.size = coalesce(s.size, $size)
RETURN s.id AS id

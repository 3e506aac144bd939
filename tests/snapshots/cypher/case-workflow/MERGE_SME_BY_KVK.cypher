MERGE (s:Sme {kvkNumber: $kvk})
ON CREATE SET s.id = $id, s.name = $name, s.city = $city, s.sector = $sector, s.size = $size, s._intake = $token
WITH s, s._intake = $token AS created
REMOVE s._intake
RETURN s.id AS id, created

MATCH (s:Sprint {id: $id})
OPTIONAL MATCH (s)-[:IN_PERIOD]->(tp:TeachingPeriod)
WITH s, tp ORDER BY tp.startDate LIMIT 1
RETURN toString(coalesce(tp.startDate, s.startDate)) AS startDate, tp.name AS periodName

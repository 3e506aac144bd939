MATCH (p:TeachingPeriod)
RETURN p.id AS id, p.name AS name, toString(p.startDate) AS startDate, toString(p.endDate) AS endDate

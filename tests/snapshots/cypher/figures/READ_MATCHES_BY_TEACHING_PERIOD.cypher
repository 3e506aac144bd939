MATCH (tp:TeachingPeriod)<-[:IN_PERIOD]-(s:Sprint)-[:FOR_CASE]->(c:Case)
WHERE coalesce(s.status, '') <> 'CANCELLED' AND ($from IS NULL OR date(c.created) >= date($from)) AND ($to IS NULL OR date(c.created) <= date($to))
WITH tp, count(DISTINCT s) AS matches
RETURN tp.id AS periodId, tp.name AS periodName, tp.academicYear AS academicYear, toString(tp.startDate) AS startDate,
       head([(tp)<-[:HAS_PERIOD]-(i:Institution) | i.name]) AS institutionName, matches
ORDER BY tp.startDate, institutionName, periodId

MATCH (c:Course)<-[:IN_COURSE]-(s:Sprint)-[:FOR_CASE]->(k:Case)
WHERE c.id IN $courseIds AND s.status IN ['PLANNED', 'RUNNING']
OPTIONAL MATCH (s)-[:IN_PERIOD]->(tp:TeachingPeriod)
WITH s, c, k, head(collect(tp)) AS tp
RETURN s.id AS id, s.status AS status, k.id AS caseId, k.title AS caseTitle, c.id AS courseId, c.name AS courseName,
       tp.name AS periodName, toString(s.startDate) AS startDate, toString(s.endDate) AS endDate, s.teamSize AS teamSize
ORDER BY coalesce(s.startDate, tp.startDate), s.id

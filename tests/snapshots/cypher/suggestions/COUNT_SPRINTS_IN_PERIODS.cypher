UNWIND $pairs AS pair
MATCH (c:Course {id: pair[0]}), (p:TeachingPeriod {id: pair[1]})
RETURN c.id AS courseId, p.id AS periodId,
       COUNT { MATCH (s:Sprint)-[:IN_COURSE]->(c) WHERE s.status <> 'CANCELLED' AND (s)-[:IN_PERIOD]->(p) } AS used

MATCH (k:Case {id: $caseId}), (c:Course {id: $courseId}), (p:TeachingPeriod {id: $periodId})
OPTIONAL MATCH (c)-[:PART_OF]->(:Programme)-[:OFFERED_BY]->(i:Institution)
WITH k, c, p, head(collect(i.kind)) AS courseLevel
CREATE (s:Sprint {id: $sprintId, status: 'PLANNED', teamSize: $teamSize, teamLevel: coalesce($teamLevel, courseLevel),
                  startDate: p.startDate, endDate: p.endDate})
CREATE (s)-[:FOR_CASE]->(k), (s)-[:IN_COURSE]->(c), (s)-[:IN_PERIOD]->(p)
WITH s
OPTIONAL MATCH (t:Person {id: $supervisorId})
FOREACH (_ IN CASE WHEN t IS NULL THEN [] ELSE [1] END | CREATE (s)-[:SUPERVISED_BY]->(t))

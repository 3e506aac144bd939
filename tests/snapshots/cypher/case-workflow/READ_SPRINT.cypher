MATCH (s:Sprint {id: $id})-[:FOR_CASE]->(k:Case)
OPTIONAL MATCH (s)-[:IN_COURSE]->(c:Course)
OPTIONAL MATCH (s)-[:IN_PERIOD]->(p:TeachingPeriod)
OPTIONAL MATCH (s)-[:SUPERVISED_BY]->(t:Person)
RETURN s.id AS id, s.status AS status, k.id AS caseId, k.status AS caseStatus, c.id AS courseId, c.name AS courseName,
       p.id AS periodId, p.name AS periodName, toString(s.startDate) AS startDate, toString(s.endDate) AS endDate,
       s.teamSize AS teamSize, s.teamLevel AS teamLevel, t.id AS supervisorId, t.name AS supervisorName,
       s.outcome AS outcome, s.smeRating AS smeRating, s.smeFeedback AS smeFeedback, s.teacherFeedback AS teacherFeedback,
       s.followUpWanted AS followUpWanted,
       COLLECT { MATCH (s)-[:HAS_MILESTONE]->(m:Milestone)
                 RETURN {id: m.id, sprintId: s.id, title: m.title, due: toString(m.due), done: m.done} AS m
                 ORDER BY m.due, m.title } AS milestones
LIMIT 1

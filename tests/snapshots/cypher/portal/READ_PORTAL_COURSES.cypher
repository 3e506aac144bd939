UNWIND $courseIds AS courseId
MATCH (c:Course {id: courseId})
OPTIONAL MATCH (c)-[:PART_OF]->(pr:Programme)
WITH c, head(collect(pr)) AS pr
RETURN c.id AS id, c.name AS name, c.kind AS kind, c.studyYear AS studyYear, pr.id AS programmeId, pr.name AS programmeName,
       EXISTS { (:Person {id: $personId})-[:TEACHES]->(c) } AS teaches
ORDER BY programmeName, name, id

MATCH (k:Case {id: $caseId}), (c:Course {id: $courseId})
RETURN coalesce(k.wantedLevels, []) AS wantedLevels, c.name AS courseName,
       COLLECT { MATCH (c)-[:PART_OF]->(:Programme)-[:OFFERED_BY]->(i:Institution) RETURN DISTINCT i.kind } AS courseLevels

MATCH (me:Person {id: $personId})
WITH me,
     COLLECT { MATCH (me)-[:TEACHES]->(c:Course) RETURN DISTINCT c.id } AS taught,
     CASE WHEN $wide THEN COLLECT { MATCH (me)-[:COORDINATES|DIRECTS]->(pr:Programme) RETURN DISTINCT pr.id } ELSE [] END AS led,
     CASE WHEN $wide THEN COLLECT { MATCH (me)-[:DEAN_OF]->(:Institution)<-[:OFFERED_BY]-(pr:Programme) RETURN DISTINCT pr.id }
          ELSE [] END AS deaned
WITH me, taught, led + [x IN deaned WHERE NOT x IN led] AS ledProgrammes
WITH me, taught, ledProgrammes,
     COLLECT { MATCH (c:Course)-[:PART_OF]->(pr:Programme) WHERE pr.id IN ledProgrammes RETURN DISTINCT c.id } AS ledCourses,
     COLLECT { MATCH (c:Course)-[:PART_OF]->(pr:Programme) WHERE c.id IN taught RETURN DISTINCT pr.id } AS taughtProgrammes
RETURN me.id AS personId, me.name AS personName, me.jobTitle AS jobTitle, taught, ledProgrammes,
       taught + [x IN ledCourses WHERE NOT x IN taught] AS courseIds,
       ledProgrammes + [x IN taughtProgrammes WHERE NOT x IN ledProgrammes] AS programmeIds

UNWIND $programmeIds AS programmeId
MATCH (pr:Programme {id: programmeId})
OPTIONAL MATCH (pr)-[:OFFERED_BY]->(i:Institution)
WITH pr, head(collect(i)) AS i
RETURN pr.id AS id, pr.name AS name, pr.level AS level, i.id AS institutionId, i.name AS institutionName,
       pr.id IN $ledProgrammes AS led
ORDER BY name, id

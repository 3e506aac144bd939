MATCH (a:Agreement)-[:COVERS]->(x)
WHERE (a.validTo IS NULL OR a.validTo >= date($today))
  AND ((x:Course AND x.id IN $courseIds) OR (x:Programme AND x.id IN $programmeIds)
       OR (x:Institution AND EXISTS { (x)<-[:OFFERED_BY]-(pr:Programme) WHERE pr.id IN $programmeIds }))
WITH DISTINCT a
RETURN a.id AS id, a.scope AS scope, a.casesPerPeriod AS casesPerPeriod, a.structural AS structural,
       coalesce(a.assignmentTypes, []) AS assignmentTypes, toString(a.validFrom) AS validFrom, toString(a.validTo) AS validTo,
       COLLECT { MATCH (a)-[:COVERS]->(y)
                 WHERE (y:Course AND y.id IN $courseIds) OR (y:Programme AND y.id IN $programmeIds) OR y:Institution
                 RETURN y.name ORDER BY y.name } AS covers
ORDER BY a.validFrom, a.id

MATCH (a:Agreement)-[:COVERS]->(x)
WHERE x:Course OR x:Programme OR x:Institution
RETURN elementId(x) AS key,
       toString(a.validFrom) AS validFrom, toString(a.validTo) AS validTo, a.casesPerPeriod AS cap

MATCH (t:Person {id: $teacherId})
RETURN t.name AS name, t.email AS email, t.language AS language, t.digestEveryDays AS every,
       toString(t.lastDigestSentOn) AS lastSentOn, t.erasedAt IS NOT NULL AS erased,
       COLLECT { MATCH (t)-[:TEACHES]->(c:Course)
                 WHERE (EXISTS { MATCH (a:Agreement)-[:COVERS]->(c) WHERE a.validFrom <= date($date) AND (a.validTo IS NULL OR a.validTo >= date($date)) }
                        OR EXISTS { MATCH (a:Agreement)-[:COVERS]->(:Programme)<-[:PART_OF]-(c) WHERE a.validFrom <= date($date) AND (a.validTo IS NULL OR a.validTo >= date($date)) }
                        OR EXISTS { MATCH (a:Agreement)-[:COVERS]->(:Institution)<-[:OFFERED_BY]-(:Programme)<-[:PART_OF]-(c) WHERE a.validFrom <= date($date) AND (a.validTo IS NULL OR a.validTo >= date($date)) })
                 RETURN c.id } AS courseIds,
       COLLECT { MATCH (w:Workspace) RETURN w.name ORDER BY w.name } AS workspaces

MATCH (t:Person) WHERE t.digestEveryDays IS NOT NULL
  AND (t.lastDigestSentOn IS NULL OR t.lastDigestSentOn + duration({days: t.digestEveryDays}) <= date($date))
  AND EXISTS { MATCH (t)-[:TEACHES]->(c:Course)
               WHERE (EXISTS { MATCH (a:Agreement)-[:COVERS]->(c) WHERE a.validFrom <= date($date) AND (a.validTo IS NULL OR a.validTo >= date($date)) }
                      OR EXISTS { MATCH (a:Agreement)-[:COVERS]->(:Programme)<-[:PART_OF]-(c) WHERE a.validFrom <= date($date) AND (a.validTo IS NULL OR a.validTo >= date($date)) }
                      OR EXISTS { MATCH (a:Agreement)-[:COVERS]->(:Institution)<-[:OFFERED_BY]-(:Programme)<-[:PART_OF]-(c) WHERE a.validFrom <= date($date) AND (a.validTo IS NULL OR a.validTo >= date($date)) }) }
RETURN t.id AS id ORDER BY t.name, t.id

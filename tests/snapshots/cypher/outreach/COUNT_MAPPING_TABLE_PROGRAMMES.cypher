MATCH (p:Programme)-[:OFFERED_BY]->(i:Institution)
WHERE ($institution IS NULL OR i.id = $institution)
  AND ($status IS NULL OR coalesce(p.mappingStatus, 'NOT_APPROACHED') = $status
       OR EXISTS { MATCH (c:Course)-[:PART_OF]->(p) WHERE coalesce(c.mappingStatus, 'NOT_APPROACHED') = $status })
RETURN count(DISTINCT p) AS programmes, count(DISTINCT i) AS institutions

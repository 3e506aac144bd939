MATCH (k:Case {id: $id})
WITH k, coalesce(k.wantedLevels, []) AS wanted
SET k.suggestionCount = COUNT {
      MATCH (k)-[:ABOUT]->(:Topic)<-[:ABOUT]-(c:Course)-[:PART_OF]->(:Programme)-[:OFFERED_BY]->(i:Institution)
      WHERE i.kind IN wanted
      RETURN DISTINCT c },
    k.suggestionsCountedAt = datetime($now)

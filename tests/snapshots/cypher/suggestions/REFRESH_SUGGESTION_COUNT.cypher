MATCH (k:Case {id: $id})
WITH k, [t IN coalesce(k.topics, []) | toLower(trim(t))] AS topics, coalesce(k.wantedLevels, []) AS wanted
SET k.suggestionCount = COUNT {
      MATCH (i:Institution)<-[:OFFERED_BY]-(:Programme)<-[:PART_OF]-(c)
      WHERE i.kind IN wanted AND any(x IN coalesce(c.themes, []) WHERE toLower(trim(x)) IN topics)
      RETURN DISTINCT c },
    k.suggestionsCountedAt = datetime($now)

MATCH (:Person {id: $fromId})-[k:KNOWS]-(:Person {id: $toId})
RETURN k.strength AS strength, k.baseStrength AS baseStrength, coalesce(k.manual, false) AS manual, k.introducedBy AS introducedBy
ORDER BY elementId(k) LIMIT 1

MATCH (t:Topic) WHERE t.status IN $statuses
RETURN t.id AS id, t.labelNl AS labelNl, t.labelEn AS labelEn, coalesce(t.synonyms, []) AS synonyms, t.status AS status,
       t.proposedFrom AS proposedFrom,
       COLLECT { MATCH (t)-[:BROADER]->(b:Topic) RETURN b.id ORDER BY b.id } AS broader,
       COUNT { (:Case)-[:ABOUT]->(t) } AS caseCount, COUNT { (:Course)-[:ABOUT]->(t) } AS courseCount
ORDER BY t.status DESC, toLower(t.labelEn), t.id
LIMIT toInteger($limit)

MATCH (t:Topic)
RETURN t.id AS id, t.labelNl AS labelNl, t.labelEn AS labelEn,
       COLLECT { MATCH (t)-[:BROADER]->(b:Topic) RETURN DISTINCT b.id } AS broader

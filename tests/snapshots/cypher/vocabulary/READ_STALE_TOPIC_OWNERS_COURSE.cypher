MATCH (n:Course)
WHERE n.id > $after AND (n.topicWords IS NULL OR n.topicWords <> coalesce(n.themes, []))
RETURN n.id AS id, coalesce(n.themes, []) AS words
ORDER BY n.id
LIMIT toInteger($limit)

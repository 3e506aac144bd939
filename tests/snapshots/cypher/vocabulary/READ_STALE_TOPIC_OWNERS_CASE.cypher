MATCH (n:Case)
WHERE n.id > $after AND (n.topicWords IS NULL OR n.topicWords <> coalesce(n.topics, []))
RETURN n.id AS id, coalesce(n.topics, []) AS words
ORDER BY n.id
LIMIT toInteger($limit)

MATCH (t:Topic)
RETURN count(t) AS topics

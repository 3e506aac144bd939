MATCH ()-[k:KNOWS]->() RETURN count(k) AS ties

CALL () { MATCH (n) WHERE NOT n:TieVersion AND NOT n:CatalogueVersion RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships

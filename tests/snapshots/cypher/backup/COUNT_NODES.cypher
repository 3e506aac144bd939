MATCH (n) WHERE NOT n:TieVersion AND NOT n:CatalogueVersion
RETURN count(n) AS n

MATCH (n) WHERE NOT n:TieVersion
RETURN count(n) AS n

MATCH (s:Sprint)-[:FOR_CASE]->(c:Case) WHERE coalesce(s.status, '') <> 'CANCELLED' AND ($from IS NULL OR date(c.created) >= date($from)) AND ($to IS NULL OR date(c.created) <= date($to))
RETURN count(DISTINCT s) AS n

MATCH (c:Case) WHERE ($from IS NULL OR date(c.created) >= date($from)) AND ($to IS NULL OR date(c.created) <= date($to))
WITH c.status AS status, reduce(m = 0, r IN [s IN [c.status] + [(c)-[:HAD_EVENT]->(ev:CaseEvent) | ev.to] WHERE $rank[s] IS NOT NULL | $rank[s]] |
  CASE WHEN r > m THEN r ELSE m END) AS furthest
WITH collect({status: status, furthest: furthest}) AS cases
UNWIND $statuses AS status
RETURN status,
       size([x IN cases WHERE x.status = status]) AS current,
       size([x IN cases WHERE (status = 'CLOSED' AND x.status = 'CLOSED') OR (status <> 'CLOSED' AND x.furthest >= $rank[status])]) AS reached

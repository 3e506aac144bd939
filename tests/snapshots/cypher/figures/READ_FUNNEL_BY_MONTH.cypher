MATCH (c:Case) WHERE c.created IS NOT NULL AND ($from IS NULL OR date(c.created) >= date($from)) AND ($to IS NULL OR date(c.created) <= date($to))
WITH c, date.truncate('month', date(c.created)) AS month, reduce(m = 0, r IN [s IN [c.status] + [(c)-[:HAD_EVENT]->(ev:CaseEvent) | ev.to] WHERE $rank[s] IS NOT NULL | $rank[s]] |
  CASE WHEN r > m THEN r ELSE m END) AS furthest
WITH month, count(c) AS created,
     sum(CASE WHEN furthest >= 1 THEN 1 ELSE 0 END) AS qualified,
     sum(CASE WHEN furthest >= 2 THEN 1 ELSE 0 END) AS proposed,
     sum(CASE WHEN furthest >= 3 THEN 1 ELSE 0 END) AS matched,
     sum(CASE WHEN furthest >= 4 THEN 1 ELSE 0 END) AS inSprint,
     sum(CASE WHEN furthest >= 5 THEN 1 ELSE 0 END) AS completed,
     sum(CASE WHEN c.status = 'CLOSED' THEN 1 ELSE 0 END) AS closed
WITH collect({month: month, counts: {created: created, qualified: qualified, proposed: proposed, matched: matched, inSprint: inSprint,
                                     completed: completed, closed: closed}}) AS groups,
     min(month) AS first, max(month) AS last
WITH groups,
     CASE WHEN $from IS NULL THEN first ELSE date.truncate('month', date($from)) END AS a,
     CASE WHEN $to IS NULL THEN last ELSE date.truncate('month', date($to)) END AS b
WHERE a IS NOT NULL AND b IS NOT NULL
UNWIND range(0, (b.year - a.year) * 12 + b.month - a.month) AS k
WITH groups, a + duration({months: k}) AS m
WITH m, head([g IN groups WHERE g.month = m | g.counts]) AS counts
RETURN toString(m) AS start, toString(m + duration({months: 1}) - duration({days: 1})) AS end, counts
ORDER BY m

MATCH (i:Institution {id: $institution})
CALL (i) {
  OPTIONAL MATCH (i)-[:HAS_PERIOD]->(tp:TeachingPeriod)
  RETURN collect(tp) AS periods
}
CALL (periods) {
  MATCH (c:Case) WHERE c.created IS NOT NULL AND ($from IS NULL OR date(c.created) >= date($from)) AND ($to IS NULL OR date(c.created) <= date($to))
  CALL (c, periods) {
    UNWIND periods AS tp
    WITH tp WHERE tp.startDate <= date(c.created)
    RETURN tp AS bucket ORDER BY tp.startDate DESC, tp.endDate ASC, tp.id ASC LIMIT 1
  }
  WITH bucket, c, reduce(m = 0, r IN [s IN [c.status] + [(c)-[:HAD_EVENT]->(ev:CaseEvent) | ev.to] WHERE $rank[s] IS NOT NULL | $rank[s]] |
  CASE WHEN r > m THEN r ELSE m END) AS furthest
  WITH bucket, count(c) AS created,
       sum(CASE WHEN furthest >= 1 THEN 1 ELSE 0 END) AS qualified,
       sum(CASE WHEN furthest >= 2 THEN 1 ELSE 0 END) AS proposed,
       sum(CASE WHEN furthest >= 3 THEN 1 ELSE 0 END) AS matched,
       sum(CASE WHEN furthest >= 4 THEN 1 ELSE 0 END) AS inSprint,
       sum(CASE WHEN furthest >= 5 THEN 1 ELSE 0 END) AS completed,
       sum(CASE WHEN c.status = 'CLOSED' THEN 1 ELSE 0 END) AS closed
  RETURN collect({id: bucket.id, counts: {created: created, qualified: qualified, proposed: proposed, matched: matched, inSprint: inSprint,
                                          completed: completed, closed: closed}}) AS groups
}
UNWIND periods AS tp
WITH tp, groups
WHERE ($from IS NULL OR tp.endDate >= date($from)) AND ($to IS NULL OR tp.startDate <= date($to))
RETURN tp.id AS key, tp.name + ' ' + tp.academicYear AS label, toString(tp.startDate) AS start, toString(tp.endDate) AS end,
       head([g IN groups WHERE g.id = tp.id | g.counts]) AS counts
ORDER BY tp.startDate, tp.endDate, tp.id

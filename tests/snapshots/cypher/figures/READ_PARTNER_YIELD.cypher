MATCH (pa:Partner)
CALL (pa) {
  OPTIONAL MATCH (pa)-[r:REFERRED]->(c:Case)
  WHERE ($from IS NULL OR r.date >= date($from)) AND ($to IS NULL OR r.date <= date($to))
  RETURN collect(DISTINCT c) AS referred
}
CALL (referred) {
  UNWIND referred AS c
  WITH c, reduce(m = 0, r IN [s IN [c.status] + [(c)-[:HAD_EVENT]->(ev:CaseEvent) | ev.to] WHERE $rank[s] IS NOT NULL | $rank[s]] |
  CASE WHEN r > m THEN r ELSE m END) AS furthest
  RETURN count(c) AS cases,
         sum(CASE WHEN furthest >= $rank.MATCHED THEN 1 ELSE 0 END) AS matched,
         sum(CASE WHEN furthest >= $rank.COMPLETED THEN 1 ELSE 0 END) AS completed
}
RETURN pa.id AS partnerId, pa.name AS partnerName, pa.kind AS kind,
       size(COLLECT { UNWIND referred AS c MATCH (s:Sme)-[:ASKED]->(c) RETURN DISTINCT s }) AS referredSmes, cases, matched, completed
ORDER BY referredSmes DESC, cases DESC, partnerName, partnerId

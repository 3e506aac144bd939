MATCH (s:Sme)<-[:REFERRED]-(:Partner) WHERE EXISTS { (s)-[:ASKED]->(:Case) }
WITH DISTINCT s
CALL (s) {
  MATCH (s)-[:ASKED]->(k:Case) WHERE NOT EXISTS { (k)<-[:REFERRED]-(:Partner) }
  CALL (s, k) {
    MATCH (s)<-[r:REFERRED]-(p:Partner)
    WITH p, r, coalesce(r.date <= date(k.created), false) AS before
    RETURN p, r ORDER BY before DESC, CASE WHEN before THEN r.date END DESC, r.date, p.id LIMIT 1
  }
  CREATE (p)-[:REFERRED {date: r.date, by: r.by}]->(k)
  RETURN count(k) AS moved
}
CALL (s) {
  MATCH (s)<-[r:REFERRED]-(:Partner)
  DELETE r
  RETURN count(r) AS dropped
}
RETURN sum(moved) AS moved, sum(dropped) AS dropped

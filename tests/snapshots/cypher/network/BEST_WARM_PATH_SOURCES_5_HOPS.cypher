MATCH (c:Person)-[:COORDINATOR_OF]->(w:Workspace)
WHERE size($workspaces) = 0 OR w.id IN $workspaces
WITH DISTINCT c
MATCH (c)-[r:KNOWS WHERE r.strength >= $minStrength]-{0,3}(m:Person)
WITH m.id AS id, reduce(s = 1.0, x IN r | s * x.strength) AS score, size(r) AS hops
ORDER BY round(score * 1.0e9) DESC, hops ASC
WITH id, collect([score, hops])[0] AS best
RETURN id, best[0] AS score, best[1] AS hops

MATCH (c:Person)-[:COORDINATOR_OF]->(w:Workspace)
WHERE size($workspaces) = 0 OR w.id IN $workspaces
WITH DISTINCT c
MATCH (c)-[r:KNOWS WHERE r.strength >= $minStrength]-{0,3}(m:Person)
WITH m.id AS id, reduce(s = 1.0, x IN r | s * x.strength) AS score, size(r) AS hops
// The larger raw product last: two trails whose products round alike need not be equal doubles, and the one kept must
// not be the row order's choice (the analytics worker's walk, best-warm-paths-in-memory.ts, keeps the same one).
ORDER BY round(score * 1.0e9) DESC, hops ASC, score DESC
WITH id, collect([score, hops])[0] AS best
RETURN id, best[0] AS score, best[1] AS hops

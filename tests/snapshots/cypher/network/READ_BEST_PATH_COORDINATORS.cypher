MATCH (c:Person)-[:COORDINATOR_OF]->(w:Workspace)
WHERE size($workspaces) = 0 OR w.id IN $workspaces
WITH DISTINCT c.id AS id ORDER BY id
RETURN collect(id) AS coordinators

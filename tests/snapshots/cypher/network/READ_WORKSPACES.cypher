RETURN COLLECT {
  MATCH (w:Workspace)
  WHERE $workspace IS NULL OR w.id = $workspace
  WITH w ORDER BY w.id LIMIT 2
  RETURN {id: w.id, name: w.name, warmThreshold: w.warmThreshold,
          coordinatorIds: COLLECT { MATCH (c:Person)-[:COORDINATOR_OF]->(w) RETURN DISTINCT c.id }}
} AS workspaces

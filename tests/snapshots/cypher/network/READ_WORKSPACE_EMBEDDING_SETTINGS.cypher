MATCH (w:Workspace)
WITH w, head(COLLECT {
  MATCH (s:EmbeddingSnapshot {workspaceId: w.id})
  RETURN {warmThreshold: s.warmThreshold, maxHops: s.maxHops} LIMIT 1
}) AS stored
RETURN w.id AS id, stored.warmThreshold AS warmThreshold, stored.maxHops AS maxHops ORDER BY id

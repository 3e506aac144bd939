WITH COLLECT {
  MATCH (w:Workspace)
  WHERE $workspace IS NULL OR w.id = $workspace
  WITH w ORDER BY w.id LIMIT 2
  RETURN {id: w.id, name: w.name, warmThreshold: w.warmThreshold,
          coordinatorIds: COLLECT { MATCH (c:Person)-[:COORDINATOR_OF]->(w) RETURN DISTINCT c.id }}
} AS workspaces
WITH workspaces, CASE WHEN size(workspaces) = 1 THEN workspaces[0].id END AS ws
CALL (ws) {
  MATCH (s:EmbeddingSnapshot {workspaceId: ws})-[:SNAPSHOT_OF]->()
  WHERE ($kind IS NULL OR s.kind = $kind)
    AND ($institution IS NULL OR s.institutionId = $institution)
    AND ($minLevel IS NULL OR s.level >= $minLevel)
    AND ($maxLevel IS NULL OR s.level <= $maxLevel)
    AND ($verdict IS NULL OR s.verdict = $verdict)
  WITH s ORDER BY toLower(s.name) ASC, toLower(s.name) ASC, s.kind DESC, s.targetId ASC
  WITH collect(s) AS ranked
  RETURN size(ranked) AS total, [s IN ranked[toInteger($offset)..toInteger($offset) + toInteger($limit)] | properties(s)] AS entries
}
RETURN workspaces, total, entries,
       COUNT { MATCH (s:EmbeddingSnapshot {workspaceId: ws}) } AS stored,
       COLLECT { MATCH (s:EmbeddingSnapshot {workspaceId: ws}) RETURN s {.asOf, .refreshedAt, .warmThreshold, .maxHops} LIMIT 1 }[0] AS meta

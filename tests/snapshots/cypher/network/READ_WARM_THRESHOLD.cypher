OPTIONAL MATCH (w:Workspace)
WHERE size($workspaces) = 0 OR w.id IN $workspaces
RETURN min(CASE WHEN w IS NULL THEN null ELSE coalesce(w.warmThreshold, $fallback) END) AS threshold

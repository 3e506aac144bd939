MATCH (w:Workspace {id: $workspace})
WITH w, w.warmThreshold AS previous
SET w.warmThreshold = $threshold
RETURN w.warmThreshold AS warmThreshold, previous

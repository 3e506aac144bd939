MATCH (w:Workspace {id: $workspace})
SET w.snapshotLock = true REMOVE w.snapshotLock

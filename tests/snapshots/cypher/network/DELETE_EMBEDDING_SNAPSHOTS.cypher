MATCH (s:EmbeddingSnapshot {workspaceId: $workspace})
DETACH DELETE s

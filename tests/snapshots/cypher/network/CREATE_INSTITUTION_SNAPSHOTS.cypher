UNWIND $rows AS r
MATCH (o:Institution {id: r.id})
CREATE (s:EmbeddingSnapshot {workspaceId: $workspace, kind: $kind, targetId: r.id})-[:SNAPSHOT_OF]->(o)
SET s += r.props, s.asOf = date(r.props.asOf), s.refreshedAt = datetime($refreshedAt)

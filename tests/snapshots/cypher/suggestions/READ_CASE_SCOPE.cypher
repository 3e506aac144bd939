OPTIONAL MATCH (k:Case {id: $caseId})
RETURN k IS NOT NULL AS caseExists,
       COLLECT { MATCH (k)-[:HANDLED_BY]->(:Person)-[:COORDINATOR_OF]->(w:Workspace) RETURN DISTINCT w.id } AS workspaces

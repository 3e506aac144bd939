OPTIONAL MATCH (k:Case {id: $caseId})
CALL (k) {
  OPTIONAL MATCH (k)-[:HANDLED_BY]->(:Person)-[:COORDINATOR_OF]->(w:Workspace)
  RETURN collect(DISTINCT w.id) AS workspaces
}
CALL () { MATCH ()-[r:KNOWS]->() RETURN count(r) AS ties }
CALL () { MATCH ()-[r:COORDINATOR_OF]->() RETURN count(r) AS coordinators }
CALL () { MATCH (p:Person) RETURN count(p) AS people }
RETURN k IS NOT NULL AS caseExists, workspaces, ties, coordinators, people

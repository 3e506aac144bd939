CALL () {
  MERGE (catalogueVersion:CatalogueVersion {id: 'catalogue'})
  SET catalogueVersion.version = randomUUID()
}
UNWIND $rows AS row
MERGE (n:Agreement {id: row.id})
ON CREATE SET n.structural = false, n.assignmentTypes = []
SET n.scope = row.scope, n.assignmentTypes = coalesce(row.assignmentTypes, n.assignmentTypes),
    n.casesPerPeriod = coalesce(row.casesPerPeriod, n.casesPerPeriod), n.planning = coalesce(row.planning, n.planning),
    n.process = coalesce(row.process, n.process), n.supervision = coalesce(row.supervision, n.supervision),
    n.structural = coalesce(row.structural, n.structural), n.signedOn = coalesce(date(row.signedOn), n.signedOn),
    n.validFrom = date(row.validFrom), n.validTo = coalesce(date(row.validTo), n.validTo)
WITH n, row
CALL (n, row) {
  UNWIND coalesce(row.courses, []) AS ref
  MATCH (m:Course {id: ref})
  MERGE (n)-[:COVERS]->(m)
}
CALL (n, row) {
  UNWIND coalesce(row.programmes, []) AS ref
  MATCH (m:Programme {id: ref})
  MERGE (n)-[:COVERS]->(m)
}
CALL (n, row) {
  UNWIND coalesce(row.institutions, []) AS ref
  MATCH (m:Institution {id: ref})
  MERGE (n)-[:COVERS]->(m)
}
CALL (n, row) {
  UNWIND coalesce(row.signedBy, []) AS ref
  MATCH (m:Person {id: ref})
  MERGE (m)-[:SIGNED]->(n)
}
CALL (n, row) {
  MATCH (w:Workspace {id: row.workspaceId})
  MERGE (n)-[:MADE_BY]->(w)
}

UNWIND $rows AS row
MERGE (n:Person {id: row.id})
SET n.name = row.name, n.email = coalesce(row.email, n.email), n.phone = coalesce(row.phone, n.phone),
    n.jobTitle = coalesce(row.jobTitle, n.jobTitle), n.note = coalesce(row.note, n.note)
WITH n, row
CALL (n, row) {
  UNWIND coalesce(row.teaches, []) AS ref
  MATCH (m:Course {id: ref})
  MERGE (n)-[:TEACHES]->(m)
}
CALL (n, row) {
  UNWIND coalesce(row.coordinates, []) AS ref
  MATCH (m:Programme {id: ref})
  MERGE (n)-[:COORDINATES]->(m)
}
CALL (n, row) {
  UNWIND coalesce(row.directs, []) AS ref
  MATCH (m:Programme {id: ref})
  MERGE (n)-[:DIRECTS]->(m)
}
CALL (n, row) {
  UNWIND coalesce(row.deanOf, []) AS ref
  MATCH (m:Institution {id: ref})
  MERGE (n)-[:DEAN_OF]->(m)
}
CALL (n, row) {
  UNWIND coalesce(row.boardMemberOf, []) AS ref
  MATCH (m:Institution {id: ref})
  MERGE (n)-[:BOARD_MEMBER_OF]->(m)
}
CALL (n, row) {
  UNWIND coalesce(row.worksAt, []) AS ref
  MATCH (m:Partner {id: ref})
  MERGE (n)-[:WORKS_AT]->(m)
}
CALL (n, row) {
  UNWIND coalesce(row.coordinatorOf, []) AS ref
  MATCH (m:Workspace {id: ref})
  MERGE (n)-[:COORDINATOR_OF]->(m)
}

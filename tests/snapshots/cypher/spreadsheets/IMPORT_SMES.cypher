UNWIND $rows AS row
MERGE (n:Sme {id: row.targetId})
SET n.name = row.name, n.kvkNumber = coalesce(row.kvkNumber, n.kvkNumber), n.sector = coalesce(row.sector, n.sector),
    n.size = coalesce(row.size, n.size), n.city = coalesce(row.city, n.city)
WITH n, row
CALL (n, row) {
  MATCH (p:Person {id: row.contactPersonId})
  MERGE (p)-[:CONTACT_FOR]->(n)
}

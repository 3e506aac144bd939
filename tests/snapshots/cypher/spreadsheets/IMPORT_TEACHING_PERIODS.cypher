CALL () {
  MERGE (catalogueVersion:CatalogueVersion {id: 'catalogue'})
  SET catalogueVersion.version = randomUUID()
}
UNWIND $rows AS row
MATCH (i:Institution {id: row.institutionId})
MERGE (n:TeachingPeriod {id: row.id})
SET n.name = row.name, n.academicYear = row.academicYear, n.startDate = date(row.startDate), n.endDate = date(row.endDate)
MERGE (i)-[:HAS_PERIOD]->(n)

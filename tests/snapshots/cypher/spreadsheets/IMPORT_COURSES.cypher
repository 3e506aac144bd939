CALL () {
  MERGE (catalogueVersion:CatalogueVersion {id: 'catalogue'})
  SET catalogueVersion.version = randomUUID()
}
UNWIND $rows AS row
MATCH (p:Programme {id: row.programmeId})
MERGE (n:Course {id: row.id})
ON CREATE SET n.themes = []
SET n.name = row.name, n.kind = row.kind, n.studyYear = coalesce(row.studyYear, n.studyYear),
    n.themes = coalesce(row.themes, n.themes),
    n.mappingStatus = CASE
      WHEN row.mappingStatus IS NOT NULL AND $mappingRank[row.mappingStatus] > $mappingRank[coalesce(n.mappingStatus, 'NOT_APPROACHED')]
      THEN row.mappingStatus ELSE coalesce(n.mappingStatus, 'NOT_APPROACHED') END
MERGE (n)-[:PART_OF]->(p)
WITH n, row
CALL (n, row) {
  UNWIND coalesce(row.periodIds, []) AS ref
  MATCH (m:TeachingPeriod {id: ref})
  MERGE (n)-[:RUNS_IN]->(m)
}

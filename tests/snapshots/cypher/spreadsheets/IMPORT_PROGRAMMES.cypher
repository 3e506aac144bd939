CALL () {
  MERGE (catalogueVersion:CatalogueVersion {id: 'catalogue'})
  SET catalogueVersion.version = randomUUID()
}
UNWIND $rows AS row
MATCH (i:Institution {id: row.institutionId})
MERGE (n:Programme {id: row.id})
SET n.name = row.name, n.level = row.level,
    n.mappingStatus = CASE
      WHEN row.mappingStatus IS NOT NULL AND $mappingRank[row.mappingStatus] > $mappingRank[coalesce(n.mappingStatus, 'NOT_APPROACHED')]
      THEN row.mappingStatus ELSE coalesce(n.mappingStatus, 'NOT_APPROACHED') END
MERGE (n)-[:OFFERED_BY]->(i)

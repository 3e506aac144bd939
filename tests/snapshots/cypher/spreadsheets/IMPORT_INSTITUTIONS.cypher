CALL () {
  MERGE (catalogueVersion:CatalogueVersion {id: 'catalogue'})
  SET catalogueVersion.version = randomUUID()
}
UNWIND $rows AS row
MERGE (n:Institution {id: row.id})
SET n.name = row.name, n.kind = row.kind,
    n.shortName = coalesce(row.shortName, n.shortName), n.city = coalesce(row.city, n.city),
    n.website = coalesce(row.website, n.website)

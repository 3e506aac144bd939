CALL () {
  MERGE (catalogueVersion:CatalogueVersion {id: 'catalogue'})
  SET catalogueVersion.version = randomUUID()
}

CALL () {
  MERGE (catalogueVersion:CatalogueVersion {id: 'catalogue'})
  SET catalogueVersion.version = randomUUID()
}
CREATE (t:Topic {id: $id, status: 'ACCEPTED', labelNl: $labelNl, labelEn: $labelEn, synonyms: $synonyms, keys: $keys,
                 created: datetime($now)})
RETURN t.id AS id

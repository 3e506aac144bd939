CALL () {
  MERGE (catalogueVersion:CatalogueVersion {id: 'catalogue'})
  SET catalogueVersion.version = randomUUID()
}
UNWIND $topics AS row
MERGE (t:Topic {id: row.id})
  ON CREATE SET t.status = 'ACCEPTED', t.labelNl = row.labelNl, t.labelEn = row.labelEn, t.synonyms = [], t.keys = [],
                t.created = datetime($now)
WITH t, row WHERE t.status <> 'MERGED'
WITH t, row, coalesce(t.seedVersion, 0) < toInteger($version) AS newer
SET t.labelNl = CASE WHEN newer THEN row.labelNl ELSE t.labelNl END,
    t.labelEn = CASE WHEN newer THEN row.labelEn ELSE t.labelEn END,
    t.synonyms = coalesce(t.synonyms, []) + [s IN row.synonyms WHERE NOT s IN coalesce(t.synonyms, [])],
    t.keys = coalesce(t.keys, []) + [k IN row.keys WHERE NOT k IN coalesce(t.keys, [])],
    t.seedVersion = CASE WHEN newer THEN toInteger($version) ELSE t.seedVersion END
WITH count(*) AS loaded
UNWIND $topics AS row
UNWIND row.broader AS broaderId
MATCH (t:Topic {id: row.id}), (b:Topic {id: broaderId})
WHERE t.status <> 'MERGED' AND b.status <> 'MERGED'
MERGE (t)-[:BROADER]->(b)
RETURN loaded, count(*) AS links

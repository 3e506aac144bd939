CALL () {
  MATCH (n) WHERE NOT n:StoreMaintenance
  UNWIND keys(n) AS field
  WITH n, field, n[field] AS value
  WHERE value IS :: STRING AND any(term IN $terms WHERE toLower(toString(value)) CONTAINS term)
  RETURN labels(n)[0] AS type, coalesce(toString(n.id), elementId(n)) AS id, field, value
  UNION ALL
  MATCH ()-[r]->()
  UNWIND keys(r) AS field
  WITH r, field, r[field] AS value
  WHERE value IS :: STRING AND any(term IN $terms WHERE toLower(toString(value)) CONTAINS term)
  RETURN type(r) AS type, elementId(r) AS id, field, value
}
RETURN type, id, field, value
LIMIT toInteger($limit)

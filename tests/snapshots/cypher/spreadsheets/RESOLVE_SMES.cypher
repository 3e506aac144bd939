UNWIND $rows AS row
OPTIONAL MATCH (byKvk:Sme {kvkNumber: row.kvkNumber})
OPTIONAL MATCH (byId:Sme {id: row.id})
CALL (row) {
  OPTIONAL MATCH (same:Sme)
  WHERE row.kvkNumber IS NULL AND row.city IS NOT NULL
    AND toLower(trim(same.name)) = toLower(trim(row.name)) AND toLower(trim(same.city)) = toLower(trim(row.city))
  RETURN collect(same.id) AS byNameCity
}
RETURN row.line AS line, byKvk.id AS kvkId, byId.id AS idId, byId.kvkNumber AS idKvk, byNameCity

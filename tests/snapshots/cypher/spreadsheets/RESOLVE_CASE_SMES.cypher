UNWIND $rows AS row
OPTIONAL MATCH (byId:Sme {id: row.smeId})
OPTIONAL MATCH (byKvk:Sme {kvkNumber: row.smeKvkNumber})
OPTIONAL MATCH (existing:Case {id: row.id})
OPTIONAL MATCH (existing)<-[:ASKED]-(current:Sme)
RETURN row.line AS line, coalesce(byId.id, byKvk.id) AS sme, existing IS NOT NULL AS exists, collect(current.id) AS currentSmes

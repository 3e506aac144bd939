MATCH (m:StoreMaintenance {id: $marker})
DELETE m

CREATE (m:StoreMaintenance {id: $marker})
SET m += $fillers

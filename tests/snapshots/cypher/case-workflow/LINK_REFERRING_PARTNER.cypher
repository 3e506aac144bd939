MATCH (p:Partner {id: $partnerId}), (s:Sme {id: $smeId})
MERGE (p)-[r:REFERRED]->(s) ON CREATE SET r.date = date($date)

MATCH (p:Person {id: $id}), (s:Sme {id: $smeId})
MERGE (p)-[:CONTACT_FOR]->(s)

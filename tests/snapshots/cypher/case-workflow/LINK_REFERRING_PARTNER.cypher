MATCH (p:Partner {id: $partnerId}), (k:Case {id: $caseId})
CREATE (p)-[:REFERRED {date: date($date), by: $by}]->(k)

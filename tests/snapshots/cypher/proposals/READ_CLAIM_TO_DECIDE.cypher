MATCH (p:Proposal {id: $id})-[:OF_CASE]->(k:Case)
RETURN p.origin AS origin, p.claimState AS claimState, k.id AS caseId

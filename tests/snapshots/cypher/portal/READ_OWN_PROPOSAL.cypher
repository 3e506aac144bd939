MATCH (p:Proposal {id: $proposalId})-[:TO_TEACHER]->(:Person {id: $personId})
RETURN p.id AS id

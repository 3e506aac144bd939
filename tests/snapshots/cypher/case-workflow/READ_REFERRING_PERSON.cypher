MATCH (p:Person {id: $personId})
RETURN p.name AS name, EXISTS { (p)-[:WORKS_AT]->(:Partner {id: $partnerId}) } AS worksAtPartner

MATCH (k:Case {id: $caseId})
RETURN k.status AS status,
       EXISTS { (k)<-[:OF_CASE]-(p:Proposal)-[:FOR_COURSE]->(c:Course) WHERE c.id IN $courseIds } OR
       EXISTS { (k)<-[:OF_CASE]-(:Proposal)-[:TO_TEACHER]->(:Person {id: $personId}) } OR
       EXISTS { (k)<-[:OF_CASE]-(:Proposal {forwardedBy: $personId}) } OR
       EXISTS { (k)<-[:FOR_CASE]-(:Sprint)-[:IN_COURSE]->(c:Course) WHERE c.id IN $courseIds } AS linked

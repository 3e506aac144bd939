MATCH (p:Person {id: $personId})
SET p.invitationLock = true REMOVE p.invitationLock
WITH p
OPTIONAL MATCH (by:Person {id: $invitedBy})
OPTIONAL MATCH (linked:User {personId: $personId})
OPTIONAL MATCH (sameEmail:User {email: $email})
RETURN p.id AS id, p.name AS name, p.language AS language,
       EXISTS { (p)-[:TEACHES]->(:Course) } AS teaches,
       EXISTS { (p)-[:COORDINATES|DIRECTS]->(:Programme) } OR EXISTS { (p)-[:DEAN_OF|BOARD_MEMBER_OF]->(:Institution) }
         AS institutionRole,
       linked.email AS linkedEmail, sameEmail.id AS emailTaken, by.name AS inviterName

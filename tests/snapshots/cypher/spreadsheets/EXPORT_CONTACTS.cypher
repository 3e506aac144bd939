MATCH (n:Person)
WITH n,
     [(n)-[:TEACHES]->(x:Course) | x] AS teaches,
     [(n)-[:COORDINATES]->(x:Programme) | x] AS coordinates,
     [(n)-[:DIRECTS]->(x:Programme) | x] AS directs,
     [(n)-[:DEAN_OF]->(x:Institution) | x] AS deanOf,
     [(n)-[:BOARD_MEMBER_OF]->(x:Institution) | x] AS boardMemberOf,
     [(n)-[:WORKS_AT]->(x:Partner) | x] AS worksAt,
     [(n)-[:COORDINATOR_OF]->(x:Workspace) | x] AS coordinatorOf,
     [(n)-[:CONTACT_FOR]->(x:Sme) | x] AS contactFor
WITH n, teaches, coordinates, directs, deanOf, boardMemberOf, worksAt, coordinatorOf, contactFor,
     [r IN [
       [size(teaches), 'teacher'], [size(coordinates), 'programme coordinator'], [size(directs), 'programme director'],
       [size(deanOf), 'dean'], [size(boardMemberOf), 'board member'], [size(worksAt), 'partner'],
       [size(coordinatorOf), 'workspace coordinator'], [size(contactFor), 'SME contact']
     ] WHERE r[0] > 0 | r[1]] AS roles,
     [(n)-[:TEACHES]->(:Course)-[:PART_OF]->(:Programme)-[:OFFERED_BY]->(i:Institution) | i.name]
       + [p IN coordinates + directs | head([(p)-[:OFFERED_BY]->(i:Institution) | i.name])]
       + [x IN deanOf + boardMemberOf + worksAt + coordinatorOf + contactFor | x.name] AS organisationNames
RETURN n.id AS id, n.name AS name, n.email AS email, n.phone AS phone, n.jobTitle AS jobTitle,
       roles, reduce(acc = [], o IN organisationNames | CASE WHEN o IS NULL OR o IN acc THEN acc ELSE acc + o END) AS organisations,
       [x IN teaches | x.id] AS teaches, [x IN coordinates | x.id] AS coordinates, [x IN directs | x.id] AS directs,
       [x IN deanOf | x.id] AS deanOf, [x IN boardMemberOf | x.id] AS boardMemberOf, [x IN worksAt | x.id] AS worksAt,
       [x IN coordinatorOf | x.id] AS coordinatorOf, [x IN contactFor | x.id] AS contactFor
ORDER BY n.name, n.id

MATCH (n:`Institution`) RETURN 'Institution' AS key, count(n) AS n
UNION ALL
MATCH (n:`Person`) RETURN 'Person' AS key, count(n) AS n
UNION ALL
MATCH (:`Institution`)<-[r:`OFFERED_BY`]-() RETURN 'Institution<OFFERED_BY' AS key, count(r) AS n
UNION ALL
MATCH (:`Person`)-[r:`KNOWS`]->() RETURN 'Person>KNOWS' AS key, count(r) AS n

CALL () {
  OPTIONAL MATCH (v:CatalogueVersion {id: 'catalogue'})
  RETURN v.version AS catalogueNode
}
CALL () { MATCH (n:Course) RETURN count(n) AS courses }
CALL () { MATCH (n:Programme) RETURN count(n) AS programmes }
CALL () { MATCH (n:Institution) RETURN count(n) AS institutions }
CALL () { MATCH (n:TeachingPeriod) RETURN count(n) AS periods }
CALL () { MATCH (n:Agreement) RETURN count(n) AS agreements }
CALL () { MATCH (:Course)-[r:ABOUT]->() RETURN count(r) AS about }
CALL () { MATCH ()-[r:PART_OF]->() RETURN count(r) AS partOf }
CALL () { MATCH ()-[r:OFFERED_BY]->() RETURN count(r) AS offeredBy }
CALL () { MATCH ()-[r:BROADER]->() RETURN count(r) AS broader }
CALL () { MATCH ()-[r:RUNS_IN]->() RETURN count(r) AS runsIn }
CALL () { MATCH ()-[r:COVERS]->() RETURN count(r) AS covers }
WITH CASE WHEN catalogueNode IS NULL THEN null
          ELSE catalogueNode + ' ' + reduce(s = '', n IN [courses, programmes, institutions, periods, agreements, about,
                                                          partOf, offeredBy, broader, runsIn, covers] | s + '.' + toString(n))
     END AS catalogueVersion
OPTIONAL MATCH (k:Case {id: $caseId})
RETURN catalogueVersion, k IS NOT NULL AS caseExists, k.id AS caseId,
       COLLECT { MATCH (k)-[a:ABOUT]->(t:Topic) RETURN {id: t.id, word: a.word} ORDER BY t.id } AS topics,
       // A period that has already begun cannot take the case, so the window opens today at the earliest.
       toString(CASE WHEN k.earliestStart IS NULL OR k.earliestStart < date($today) THEN date($today) ELSE k.earliestStart END) AS windowStart,
       toString(k.deadline) AS windowEnd,
       coalesce(k.wantedLevels, []) AS wanted, k.effort AS effort,
       COLLECT { MATCH (k)-[:HANDLED_BY]->(:Person)-[:COORDINATOR_OF]->(w:Workspace) RETURN DISTINCT w.id } AS workspaces

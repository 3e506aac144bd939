CALL () {
  CALL () {
  MATCH (p:Person {id: $to})
  RETURN 0 AS rank, 'PERSON' AS kind, p.name AS name, [p.id] AS people
  UNION ALL
  MATCH (c:Course {id: $to})
  RETURN 1 AS rank, 'COURSE' AS kind, c.name AS name, COLLECT { MATCH (t:Person)-[:TEACHES]->(c) RETURN DISTINCT t.id } AS people
  UNION ALL
  MATCH (g:Programme {id: $to})
  RETURN 2 AS rank, 'PROGRAMME' AS kind, g.name AS name, COLLECT {
  MATCH (t:Person)-[:TEACHES]->(:Course)-[:PART_OF]->(g) RETURN t.id AS id
  UNION
  MATCH (t:Person)-[:COORDINATES|DIRECTS]->(g) RETURN t.id AS id } AS people
  UNION ALL
  MATCH (i:Institution {id: $to})
  RETURN 3 AS rank, 'INSTITUTION' AS kind, i.name AS name, COLLECT {
  MATCH (t:Person)-[:TEACHES]->(:Course)-[:PART_OF]->(:Programme)-[:OFFERED_BY]->(i) RETURN t.id AS id
  UNION
  MATCH (t:Person)-[:COORDINATES|DIRECTS]->(:Programme)-[:OFFERED_BY]->(i) RETURN t.id AS id
  UNION
  MATCH (t:Person)-[:DEAN_OF|BOARD_MEMBER_OF]->(i) RETURN t.id AS id } AS people
  }
  WITH rank, kind, name, people ORDER BY rank LIMIT 1
  RETURN collect({kind: kind, name: name, people: people}) AS found
}
WITH found[0] AS target,
     [id IN coalesce($from, []) WHERE NOT EXISTS { MATCH (:Person {id: id}) }] AS missingFrom,
     [id IN $avoid WHERE NOT EXISTS { MATCH (:Person {id: id}) }] AS missingAvoid,
     CASE WHEN $from IS NULL THEN COLLECT {
  MATCH (w:Workspace)
  WHERE $workspace IS NULL OR w.id = $workspace
  WITH w ORDER BY w.id LIMIT 2
  RETURN {id: w.id, name: w.name, warmThreshold: w.warmThreshold,
          coordinatorIds: COLLECT { MATCH (c:Person)-[:COORDINATOR_OF]->(w) RETURN DISTINCT c.id }}
} ELSE [] END AS workspaces
WITH target, missingFrom, missingAvoid, workspaces,
     CASE
       WHEN target IS NULL OR size(missingFrom) > 0 OR size(missingAvoid) > 0 THEN []
       WHEN $from IS NOT NULL THEN $from
       WHEN size(workspaces) = 1 THEN workspaces[0].coordinatorIds
       ELSE []
     END AS starting
WITH target, missingFrom, missingAvoid, workspaces, starting,
     [id IN starting WHERE NOT id IN $avoid] AS sources
WITH target, missingFrom, missingAvoid, workspaces, sources,
     [id IN coalesce(target.people, []) WHERE NOT id IN $avoid AND NOT id IN starting] AS targets

CALL () {
  OPTIONAL MATCH (v:TieVersion {id: 'ties'})
  RETURN v.version AS tieVersion
}
RETURN target, missingFrom, missingAvoid, workspaces, sources, targets, tieVersion

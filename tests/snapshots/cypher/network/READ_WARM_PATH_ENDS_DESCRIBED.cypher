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
CALL () {
  UNWIND $ties AS key
  MATCH ()-[e:KNOWS]->() WHERE elementId(e) = key
  RETURN collect({key: key, tie: {strength: e.strength, channel: e.channel, since: e.since, lastContact: e.lastContact, manual: coalesce(e.manual, false),
      introducedBy: CASE WHEN e.introducedBy IS NULL THEN null
        ELSE COLLECT { MATCH (x:Person) WHERE x.id = e.introducedBy RETURN x {.id, .name} }[0] END}}) AS ties
}
WITH target, missingFrom, missingAvoid, workspaces, sources, targets, tieVersion, ties, $paths AS paths
CALL (paths) {
  UNWIND paths AS path
  UNWIND path.ids AS id
  WITH DISTINCT id
  MATCH (p:Person {id: id})
CALL (p) {
 CALL (p) {
  MATCH (p)-[:TEACHES]->(c:Course)
  OPTIONAL MATCH (c)-[:PART_OF]->(g:Programme)
  OPTIONAL MATCH (g)-[:OFFERED_BY]->(i:Institution)
  RETURN 'TEACHER' AS kind, c AS course, g AS programme, i AS institution, null AS other
  UNION ALL
  MATCH (p)-[:COORDINATES]->(g:Programme)
  OPTIONAL MATCH (g)-[:OFFERED_BY]->(i:Institution)
  RETURN 'PROGRAMME_COORDINATOR' AS kind, null AS course, g AS programme, i AS institution, null AS other
  UNION ALL
  MATCH (p)-[:DIRECTS]->(g:Programme)
  OPTIONAL MATCH (g)-[:OFFERED_BY]->(i:Institution)
  RETURN 'DIRECTOR' AS kind, null AS course, g AS programme, i AS institution, null AS other
  UNION ALL
  MATCH (p)-[:DEAN_OF]->(i:Institution)
  RETURN 'DEAN' AS kind, null AS course, null AS programme, i AS institution, null AS other
  UNION ALL
  MATCH (p)-[:BOARD_MEMBER_OF]->(i:Institution)
  RETURN 'BOARD_MEMBER' AS kind, null AS course, null AS programme, i AS institution, null AS other
  UNION ALL
  MATCH (p)-[:COORDINATOR_OF]->(w:Workspace)
  RETURN 'WORKSPACE_COORDINATOR' AS kind, null AS course, null AS programme, null AS institution, w.name AS other
  UNION ALL
  MATCH (p)-[:WORKS_AT]->(x:Partner)
  RETURN 'PARTNER_CONTACT' AS kind, null AS course, null AS programme, null AS institution, x.name AS other
 }
 RETURN collect({kind: kind, courseId: course.id, courseName: course.name, programmeId: programme.id,
  programmeName: programme.name, institutionId: institution.id, institutionName: institution.name,
  institutionShortName: institution.shortName, other: other}) AS roles
}
  RETURN collect({id: p.id, name: p.name, jobTitle: p.jobTitle, roles: roles}) AS profiles
}
RETURN target, missingFrom, missingAvoid, workspaces, sources, targets, tieVersion, ties, profiles

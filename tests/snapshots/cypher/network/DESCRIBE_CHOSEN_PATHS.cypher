WITH $paths AS paths
CALL () {
  UNWIND $ties AS key
  MATCH ()-[e:KNOWS]->() WHERE elementId(e) = key
  RETURN collect({key: key, tie: {strength: e.strength, channel: e.channel, since: e.since, lastContact: e.lastContact, manual: coalesce(e.manual, false),
      introducedBy: CASE WHEN e.introducedBy IS NULL THEN null
        ELSE COLLECT { MATCH (x:Person) WHERE x.id = e.introducedBy RETURN x {.id, .name} }[0] END}}) AS ties
}
CALL () {
  OPTIONAL MATCH (v:TieVersion {id: 'ties'})
  RETURN v.version AS tieVersion
}
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
RETURN ties, profiles, tieVersion

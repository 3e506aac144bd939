MATCH (x:Person {id: $colleagueId})
OPTIONAL CALL (x) {
  MATCH (x)-[:TEACHES]->(:Course)-[:PART_OF]->(pr:Programme) WHERE pr.id IN $programmeIds RETURN pr.id AS programmeId
  UNION
  MATCH (x)-[:COORDINATES|DIRECTS]->(pr:Programme) WHERE pr.id IN $programmeIds RETURN pr.id AS programmeId
  UNION
  MATCH (x)<-[:WITH]-(:Interaction)-[:ABOUT]->(pr:Programme) WHERE pr.id IN $programmeIds RETURN pr.id AS programmeId
}
RETURN x.id AS id, collect(programmeId) AS programmeIds

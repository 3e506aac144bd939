MATCH (x:Person {id: $colleagueId}) WHERE x.erasedAt IS NULL
OPTIONAL CALL (x) {
  MATCH (x)-[:TEACHES]->(:Course)-[:PART_OF]->(pr:Programme) WHERE pr.id IN $programmeIds RETURN pr.id AS programmeId
  UNION
  MATCH (x)-[:COORDINATES|DIRECTS]->(pr:Programme) WHERE pr.id IN $programmeIds RETURN pr.id AS programmeId
  UNION
  // Introduced by the forwarder themself (an earlier forward): the coordinators' own outreach is not theirs to see.
  MATCH (:Person {id: $personId})-[:INITIATED]->(i:Interaction)-[:WITH]->(x), (i)-[:ABOUT]->(pr:Programme)
  WHERE pr.id IN $programmeIds
  RETURN pr.id AS programmeId
}
RETURN x.id AS id, collect(programmeId) AS programmeIds

MATCH (c:Course)
WITH c, COLLECT {
  MATCH (c)-[:PART_OF]->(pr:Programme)-[:OFFERED_BY]->(i:Institution)
  RETURN {programme: pr.name, programmeId: pr.id, programmeKey: elementId(pr),
          institution: i.name, institutionId: i.id, institutionKey: elementId(i), kind: i.kind} AS place
  ORDER BY pr.id, i.id
} AS places
WHERE size(places) > 0
RETURN c.id AS id, c.name AS name, c.kind AS kind, elementId(c) AS key, places,
       COLLECT { MATCH (c)-[:ABOUT]->(t:Topic) RETURN DISTINCT t.id } AS topics,
       COLLECT { MATCH (c)-[:RUNS_IN]->(p:TeachingPeriod) RETURN DISTINCT p.id } AS periodIds

MATCH (i:Institution)
WHERE $institutions IS NULL OR i.id IN $institutions
WITH i, date($asOf) AS d, date($asOf) - duration('P1Y') AS d1
RETURN i.id AS id, i.name AS name,
  COLLECT { MATCH (g:Programme)-[:OFFERED_BY]->(i) RETURN g.id ORDER BY g.id } AS programmeIds,
  COLLECT {
  MATCH (t:Person)-[:TEACHES]->(:Course)-[:PART_OF]->(:Programme)-[:OFFERED_BY]->(i) RETURN t.id AS id
  UNION
  MATCH (t:Person)-[:COORDINATES|DIRECTS]->(:Programme)-[:OFFERED_BY]->(i) RETURN t.id AS id
  UNION
  MATCH (t:Person)-[:DEAN_OF|BOARD_MEMBER_OF]->(i) RETURN t.id AS id } AS roleHolderIds,
  {
    sprints: size(COLLECT { MATCH (s:Sprint)-[:IN_COURSE]->(:Course)-[:PART_OF]->(:Programme)-[:OFFERED_BY]->(i) WHERE s.status IN ['RUNNING', 'COMPLETED']
      AND d - duration('P1Y') < coalesce(s.startDate, COLLECT { MATCH (s)-[:IN_PERIOD]->(tp:TeachingPeriod) RETURN tp.startDate ORDER BY tp.startDate LIMIT 1 }[0])
      AND coalesce(s.startDate, COLLECT { MATCH (s)-[:IN_PERIOD]->(tp:TeachingPeriod) RETURN tp.startDate ORDER BY tp.startDate LIMIT 1 }[0]) <= d RETURN DISTINCT s.id }),
    agreements: size(COLLECT {
      MATCH (a:Agreement)-[:COVERS]->(i) WHERE a.validFrom <= d AND (a.validTo IS NULL OR a.validTo >= d) RETURN a.id AS x
      UNION
      MATCH (a:Agreement)-[:COVERS]->(:Programme)-[:OFFERED_BY]->(i) WHERE a.validFrom <= d AND (a.validTo IS NULL OR a.validTo >= d) RETURN a.id AS x
      UNION
      MATCH (a:Agreement)-[:COVERS]->(:Course)-[:PART_OF]->(:Programme)-[:OFFERED_BY]->(i) WHERE a.validFrom <= d AND (a.validTo IS NULL OR a.validTo >= d) RETURN a.id AS x }),
    openProposals: size(COLLECT { MATCH (p:Proposal)-[:FOR_COURSE]->(:Course)-[:PART_OF]->(:Programme)-[:OFFERED_BY]->(i) WHERE date(p.sentAt) <= d AND date(p.expiresAt) > d
      AND (p.answer IS NULL OR (p.answeredAt IS NOT NULL AND date(p.answeredAt) > d))
      AND (p.withdrawnAt IS NULL OR date(p.withdrawnAt) > d) RETURN DISTINCT p.id })
  } AS activity,
  {
    sprints: size(COLLECT { MATCH (s:Sprint)-[:IN_COURSE]->(:Course)-[:PART_OF]->(:Programme)-[:OFFERED_BY]->(i) WHERE s.status IN ['RUNNING', 'COMPLETED']
      AND d1 - duration('P1Y') < coalesce(s.startDate, COLLECT { MATCH (s)-[:IN_PERIOD]->(tp:TeachingPeriod) RETURN tp.startDate ORDER BY tp.startDate LIMIT 1 }[0])
      AND coalesce(s.startDate, COLLECT { MATCH (s)-[:IN_PERIOD]->(tp:TeachingPeriod) RETURN tp.startDate ORDER BY tp.startDate LIMIT 1 }[0]) <= d1 RETURN DISTINCT s.id }),
    agreements: size(COLLECT {
      MATCH (a:Agreement)-[:COVERS]->(i) WHERE a.validFrom <= d1 AND (a.validTo IS NULL OR a.validTo >= d1) RETURN a.id AS x
      UNION
      MATCH (a:Agreement)-[:COVERS]->(:Programme)-[:OFFERED_BY]->(i) WHERE a.validFrom <= d1 AND (a.validTo IS NULL OR a.validTo >= d1) RETURN a.id AS x
      UNION
      MATCH (a:Agreement)-[:COVERS]->(:Course)-[:PART_OF]->(:Programme)-[:OFFERED_BY]->(i) WHERE a.validFrom <= d1 AND (a.validTo IS NULL OR a.validTo >= d1) RETURN a.id AS x }),
    openProposals: size(COLLECT { MATCH (p:Proposal)-[:FOR_COURSE]->(:Course)-[:PART_OF]->(:Programme)-[:OFFERED_BY]->(i) WHERE date(p.sentAt) <= d1 AND date(p.expiresAt) > d1
      AND (p.answer IS NULL OR (p.answeredAt IS NOT NULL AND date(p.answeredAt) > d1))
      AND (p.withdrawnAt IS NULL OR date(p.withdrawnAt) > d1) RETURN DISTINCT p.id })
  } AS activityYearEarlier
ORDER BY id

// Active institution contacts (#18): who claimed or forwarded a case through the portal in the window up to $asOf
// (claims and forwards are proposals with an origin, sent by that person); read once for every programme.
CALL () {
  MATCH (p:Proposal) WHERE p.origin IN ['CLAIM', 'FORWARD'] AND date(p.sentAt) <= date($asOf)
    AND date(p.sentAt) > date($asOf) - duration({days: toInteger($activeContactDays)})
    AND p.sentBy IS NOT NULL AND ($without IS NULL OR p.sentBy <> $without)
  RETURN collect(DISTINCT p.sentBy) AS scouts
}
MATCH (g:Programme)
WHERE $programmes IS NULL OR g.id IN $programmes
WITH g, scouts, date($asOf) AS d, date($asOf) - duration('P1Y') AS d1
OPTIONAL MATCH (g)-[:OFFERED_BY]->(i:Institution)
WITH g, scouts, d, d1, i ORDER BY i.id
WITH g, scouts, d, d1, head(collect(i)) AS i
RETURN g.id AS id, g.name AS name, i.id AS institutionId, i.name AS institutionName,
  COLLECT {
  MATCH (t:Person)-[:TEACHES]->(:Course)-[:PART_OF]->(g) RETURN t.id AS id
  UNION
  MATCH (t:Person)-[:COORDINATES|DIRECTS]->(g) RETURN t.id AS id } AS roleHolderIds,
  [x IN COLLECT {
  MATCH (t:Person)-[:TEACHES]->(:Course)-[:PART_OF]->(g) RETURN t.id AS id
  UNION
  MATCH (t:Person)-[:COORDINATES|DIRECTS]->(g) RETURN t.id AS id
                  UNION
                  MATCH (t:Person)-[:DEAN_OF]->(i) RETURN t.id AS id } WHERE x IN scouts] AS activeContacts,
  [x IN COLLECT { MATCH (t:Person)-[:COORDINATES|DIRECTS]->(g) RETURN t.id AS id
                  UNION
                  MATCH (t:Person)-[:DEAN_OF]->(i) RETURN t.id AS id } WHERE x IN scouts] AS activeManagementContacts,
  COLLECT {
    MATCH (x:Person)-[:COORDINATES|DIRECTS]->(g)
    WHERE x.id IN $coordinators
       OR EXISTS { MATCH (x)-[r:KNOWS]-(w:Person) WHERE w.id IN $coordinators AND r.strength >= $threshold }
    RETURN DISTINCT x.id } AS managementWithWarmTie,
  COLLECT {
    MATCH (x:Person)-[:COORDINATES|DIRECTS]->(g)
    MATCH (x)-[:SIGNED]->(a:Agreement)-[:COVERS]->(o)
    WHERE (o = g OR (o:Course AND EXISTS { (o)-[:PART_OF]->(g) })) AND a.validFrom <= d AND (a.validTo IS NULL OR a.validTo >= d)
    RETURN DISTINCT x.id } AS managementWhoSigned,
  COLLECT {
    MATCH (a:Agreement)-[:COVERS]->(:Course)-[:PART_OF]->(g)
    WHERE a.structural = true AND a.validFrom <= d AND (a.validTo IS NULL OR a.validTo >= d)
    RETURN DISTINCT a.id } AS structuralAgreements,
  COLLECT {
    MATCH (s:Sprint)-[:IN_COURSE]->(:Course)-[:PART_OF]->(g), (s)-[:IN_PERIOD]->(tp:TeachingPeriod)
    WHERE s.status IN ['RUNNING', 'COMPLETED']
      AND d - duration('P1Y') < coalesce(s.startDate, COLLECT { MATCH (s)-[:IN_PERIOD]->(tp:TeachingPeriod) RETURN tp.startDate ORDER BY tp.startDate LIMIT 1 }[0])
      AND coalesce(s.startDate, COLLECT { MATCH (s)-[:IN_PERIOD]->(tp:TeachingPeriod) RETURN tp.startDate ORDER BY tp.startDate LIMIT 1 }[0]) <= d
    RETURN DISTINCT tp.id } AS sprintPeriods,
  COLLECT {
    MATCH (x:Person)-[:SIGNED]->(a:Agreement {scope: 'INSTITUTION'})-[:COVERS]->(i)
    WHERE (EXISTS { (x)-[:DEAN_OF]->(i) } OR EXISTS { (x)-[:BOARD_MEMBER_OF]->(i) }) AND a.validFrom <= d AND (a.validTo IS NULL OR a.validTo >= d)
      AND ($without IS NULL OR x.id <> $without)
    RETURN DISTINCT a.id } AS boardAgreements,
  {
    sprints: size(COLLECT { MATCH (s:Sprint)-[:IN_COURSE]->(:Course)-[:PART_OF]->(g) WHERE s.status IN ['RUNNING', 'COMPLETED']
      AND d - duration('P1Y') < coalesce(s.startDate, COLLECT { MATCH (s)-[:IN_PERIOD]->(tp:TeachingPeriod) RETURN tp.startDate ORDER BY tp.startDate LIMIT 1 }[0])
      AND coalesce(s.startDate, COLLECT { MATCH (s)-[:IN_PERIOD]->(tp:TeachingPeriod) RETURN tp.startDate ORDER BY tp.startDate LIMIT 1 }[0]) <= d RETURN DISTINCT s.id }),
    agreements: size(COLLECT {
      MATCH (a:Agreement)-[:COVERS]->(g) WHERE a.validFrom <= d AND (a.validTo IS NULL OR a.validTo >= d) RETURN a.id AS x
      UNION
      MATCH (a:Agreement)-[:COVERS]->(:Course)-[:PART_OF]->(g) WHERE a.validFrom <= d AND (a.validTo IS NULL OR a.validTo >= d) RETURN a.id AS x }),
    openProposals: size(COLLECT { MATCH (p:Proposal)-[:FOR_COURSE]->(:Course)-[:PART_OF]->(g) WHERE date(p.sentAt) <= d AND date(p.expiresAt) > d
      AND (p.answer IS NULL OR (p.answeredAt IS NOT NULL AND date(p.answeredAt) > d))
      AND (p.withdrawnAt IS NULL OR date(p.withdrawnAt) > d) RETURN DISTINCT p.id })
  } AS activity,
  {
    sprints: size(COLLECT { MATCH (s:Sprint)-[:IN_COURSE]->(:Course)-[:PART_OF]->(g) WHERE s.status IN ['RUNNING', 'COMPLETED']
      AND d1 - duration('P1Y') < coalesce(s.startDate, COLLECT { MATCH (s)-[:IN_PERIOD]->(tp:TeachingPeriod) RETURN tp.startDate ORDER BY tp.startDate LIMIT 1 }[0])
      AND coalesce(s.startDate, COLLECT { MATCH (s)-[:IN_PERIOD]->(tp:TeachingPeriod) RETURN tp.startDate ORDER BY tp.startDate LIMIT 1 }[0]) <= d1 RETURN DISTINCT s.id }),
    agreements: size(COLLECT {
      MATCH (a:Agreement)-[:COVERS]->(g) WHERE a.validFrom <= d1 AND (a.validTo IS NULL OR a.validTo >= d1) RETURN a.id AS x
      UNION
      MATCH (a:Agreement)-[:COVERS]->(:Course)-[:PART_OF]->(g) WHERE a.validFrom <= d1 AND (a.validTo IS NULL OR a.validTo >= d1) RETURN a.id AS x }),
    openProposals: size(COLLECT { MATCH (p:Proposal)-[:FOR_COURSE]->(:Course)-[:PART_OF]->(g) WHERE date(p.sentAt) <= d1 AND date(p.expiresAt) > d1
      AND (p.answer IS NULL OR (p.answeredAt IS NOT NULL AND date(p.answeredAt) > d1))
      AND (p.withdrawnAt IS NULL OR date(p.withdrawnAt) > d1) RETURN DISTINCT p.id })
  } AS activityYearEarlier
ORDER BY id

UNWIND $agreementIds AS agreementId
MATCH (a:Agreement {id: agreementId})
CALL (a) {
  CALL (a) {
    MATCH (a)-[:COVERS]->(c:Course) RETURN c
    UNION
    MATCH (a)-[:COVERS]->(:Programme)<-[:PART_OF]-(c:Course) RETURN c
    UNION
    MATCH (a)-[:COVERS]->(:Institution)<-[:OFFERED_BY]-(:Programme)<-[:PART_OF]-(c:Course) RETURN c
  }
  MATCH (c)-[:RUNS_IN]->(p:TeachingPeriod)
  WHERE (a.validFrom IS NULL OR a.validFrom <= p.startDate) AND (a.validTo IS NULL OR a.validTo >= p.startDate)
  RETURN collect({courseId: c.id, periodId: p.id}) AS pairs
}
RETURN a.id AS agreementId, pairs

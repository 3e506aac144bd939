UNWIND $rows AS row
MATCH (s:Sme {id: row.smeTargetId})
MERGE (n:Case {id: row.id})
ON CREATE SET n.status = coalesce(row.status, 'INTAKE'), n.created = coalesce(datetime(row.created), datetime()),
              n.topics = [], n.wantedLevels = []
SET n.title = row.title, n.question = coalesce(row.question, n.question), n.topics = coalesce(row.topics, n.topics),
    n.wantedLevels = coalesce(row.wantedLevels, n.wantedLevels), n.effort = coalesce(row.effort, n.effort),
    n.earliestStart = coalesce(date(row.earliestStart), n.earliestStart), n.deadline = coalesce(date(row.deadline), n.deadline)
MERGE (s)-[:ASKED]->(n)
WITH n, row
CALL (n, row) {
  MATCH (p:Person {id: row.coordinatorId})
  MERGE (n)-[:HANDLED_BY]->(p)
}
CALL (n, row) {
  // One referral per case: the row's partner replaces another one; without one it is left alone.
  MATCH (pa:Partner {id: row.referringPartnerId})
  OPTIONAL MATCH (n)<-[other:REFERRED]-(x:Partner) WHERE x.id <> pa.id
  WITH n, row, pa, collect(other) AS others
  FOREACH (o IN others | DELETE o)
  MERGE (pa)-[r:REFERRED]->(n)
  SET r.date = date(row.referralDate), r.by = coalesce(row.referringPersonId, r.by)
}
CALL (n, row) {
  WITH n, row WHERE row.isNew
  UNWIND CASE coalesce(row.status, 'INTAKE')
           WHEN 'INTAKE' THEN [[null, 'INTAKE', null]]
           ELSE [[null, 'INTAKE', null], ['INTAKE', row.status, row.closeReason]] END AS step
  CREATE (n)-[:HAD_EVENT]->(:CaseEvent {id: randomUUID(), from: step[0], to: step[1], at: n.created, by: 'import',
                                        reason: step[2], note: 'Imported from cases.csv'})
}

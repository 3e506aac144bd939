UNWIND ['INTAKE', 'QUALIFIED', 'PROPOSED', 'MATCHED', 'IN_SPRINT'] AS state
CALL (state) {
  MATCH (k:Case {status: state})
  WHERE $coordinator IS NULL OR EXISTS { (k)-[:HANDLED_BY]->(:Person {id: $coordinator}) }
  WITH k, coalesce(head(COLLECT { MATCH (k)-[:HAD_EVENT]->(e:CaseEvent) RETURN e.at ORDER BY e.at DESC }), k.created) AS since
  RETURN k, since ORDER BY since, k.id LIMIT 3
}
RETURN state, k.id AS caseId, k.title AS caseTitle, toString(since) AS at,
       duration.inDays(since, datetime($now)).days AS days

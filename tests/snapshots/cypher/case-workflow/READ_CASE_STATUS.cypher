MATCH (k:Case {id: $id})
RETURN k.status AS status, toString(k.earliestStart) AS earliestStart, toString(k.deadline) AS deadline,
       toString(coalesce(head(COLLECT { MATCH (k)-[:HAD_EVENT]->(e:CaseEvent) WHERE e.to = k.status RETURN e.at ORDER BY e.at DESC }),
                         k.created)) AS stateSince

MATCH (k:Case {id: $caseId})
SET k.status = $to
CREATE (k)-[:HAD_EVENT]->(e:CaseEvent {id: randomUUID(), from: $from, to: $to, at: datetime($at), by: $by, reason: $reason, note: $note})
RETURN e.id AS eventId

MATCH (:Case {id: $id})-[:HAD_EVENT]->(e:CaseEvent)
RETURN e.id AS id, e.from AS from, e.to AS to, toString(e.at) AS at, e.by AS by, e.reason AS reason, e.note AS note

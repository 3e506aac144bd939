MATCH (:Case {id: $id})<-[:FOR_CASE]-(s:Sprint) WHERE s.status IN ['PLANNED', 'RUNNING']
SET s.status = 'CANCELLED'

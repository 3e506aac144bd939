MATCH (s:Sprint {id: $sprintId})
CREATE (s)-[:HAS_MILESTONE]->(:Milestone {id: $id, title: $title, due: date($due), done: false})

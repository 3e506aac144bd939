MATCH (m:Milestone {id: $id})
SET m.done = true, m.doneAt = datetime($now)

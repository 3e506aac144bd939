MERGE (s:DigestSchedule {id: 'digest-schedule'})
SET s.lastRunAt = datetime($now), s.lastRunSummary = $summary

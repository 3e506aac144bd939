MERGE (s:DigestSchedule {id: 'digest-schedule'})
SET s.paused = $paused, s.changedAt = datetime($now), s.changedBy = $by

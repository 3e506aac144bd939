OPTIONAL MATCH (s:DigestSchedule {id: 'digest-schedule'})
RETURN coalesce(s.paused, false) AS paused, toString(s.changedAt) AS changedAt, s.changedBy AS changedBy,
       toString(s.lastRunAt) AS lastRunAt, s.lastRunSummary AS lastRunSummary

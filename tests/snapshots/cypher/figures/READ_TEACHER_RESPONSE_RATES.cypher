MATCH (t:Person)<-[:TO_TEACHER]-(p:Proposal)
WHERE ($from IS NULL OR date(p.sentAt) >= date($from)) AND ($to IS NULL OR date(p.sentAt) <= date($to))
WITH t, p, coalesce(datetime($asOf), datetime()) AS now
WITH t, p, now, p.answer IS NULL AND p.withdrawnAt IS NOT NULL AND p.withdrawnAt <= now AS withdrawn
WITH t, count(CASE WHEN NOT withdrawn THEN 1 END) AS sent, count(p.answer) AS answered,
     sum(CASE p.answer WHEN 'INTERESTED' THEN 1 ELSE 0 END) AS interested,
     sum(CASE p.answer WHEN 'NOT_NOW' THEN 1 ELSE 0 END) AS notNow,
     sum(CASE p.answer WHEN 'DECLINED' THEN 1 ELSE 0 END) AS declined,
     sum(CASE WHEN p.answer IS NULL AND NOT withdrawn AND p.expiresAt < now THEN 1 ELSE 0 END) AS expired,
     sum(CASE WHEN withdrawn THEN 1 ELSE 0 END) AS withdrawn
WHERE sent > 0
RETURN t.id AS teacherId, t.name AS teacherName, sent, answered, interested, notNow, declined, expired, withdrawn,
       sent - answered - expired AS open
ORDER BY sent DESC, teacherName, teacherId

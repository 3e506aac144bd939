UNWIND $proposalIds AS proposalId MATCH (p:Proposal {id: proposalId})
MATCH (p)-[:OF_CASE]->(k:Case), (p)-[:TO_TEACHER]->(t:Person)
OPTIONAL MATCH (p)-[:FOR_COURSE]->(c:Course)
RETURN p.id AS id, k.id AS caseId, k.title AS caseTitle, k.status AS caseStatus, t.id AS teacherId, t.name AS teacherName,
       c.id AS courseId, c.name AS courseName, p.channel AS channel, toString(p.sentAt) AS sentAt,
       toString(p.expiresAt) AS expiresAt, p.answer AS answer, toString(p.answeredAt) AS answeredAt,
       p.declineReason AS declineReason, p.sentBy AS sentBy, toString(p.withdrawnAt) AS withdrawnAt,
       p.withdrawnReason AS withdrawnReason, p.deliveryStatus AS deliveryStatus, p.deliveryError AS deliveryError,
       toString(p.reminderSentAt) AS reminderSentAt, p.answeredVia AS answeredVia, p.origin AS origin, p.claimState AS claimState,
       CASE WHEN p.answer IS NOT NULL THEN 'ANSWERED' WHEN p.withdrawnAt IS NOT NULL THEN 'WITHDRAWN'
            WHEN p.expiresAt < datetime($now) THEN 'EXPIRED' ELSE 'OPEN' END AS state,
       COLLECT { MATCH (p)-[:HAD_FOLLOW_UP]->(f:ProposalFollowUp)
                 RETURN {id: f.id, channel: f.channel, note: f.note, at: toString(f.at), by: f.by} AS f ORDER BY f.at, f.id } AS followUps
ORDER BY p.sentAt DESC, p.id

MATCH (k:Case {id: $id})
CALL (k) {
  MATCH (k)-[:HAD_EVENT]->(e:CaseEvent)
  RETURN 'STATUS_CHANGE' AS kind, 1 AS rank, e.at AS instant, e.by AS by, e.from AS fromStatus, e.to AS toStatus, e.reason AS reason,
         e.note AS note, null AS proposalId, null AS teacherId, null AS teacherName, null AS courseName, null AS channel, null AS answer,
         e.overrode AS overrode, null AS origin
  UNION ALL
  MATCH (k)<-[:OF_CASE]-(p:Proposal)-[:TO_TEACHER]->(t:Person)
  OPTIONAL MATCH (p)-[:FOR_COURSE]->(c:Course)
  RETURN 'PROPOSAL_SENT' AS kind, 0 AS rank, p.sentAt AS instant, p.sentBy AS by, null AS fromStatus, null AS toStatus, null AS reason,
         null AS note, p.id AS proposalId, t.id AS teacherId, t.name AS teacherName, c.name AS courseName, p.channel AS channel, null AS answer,
         null AS overrode, p.origin AS origin
  UNION ALL
  MATCH (k)<-[:OF_CASE]-(p:Proposal)-[:TO_TEACHER]->(t:Person)
  WHERE p.answeredAt IS NOT NULL
  OPTIONAL MATCH (p)-[:FOR_COURSE]->(c:Course)
  RETURN 'PROPOSAL_ANSWERED' AS kind, 2 AS rank, p.answeredAt AS instant, p.answeredBy AS by, null AS fromStatus, null AS toStatus,
         p.declineReason AS reason, null AS note, p.id AS proposalId, t.id AS teacherId, t.name AS teacherName,
         c.name AS courseName, p.channel AS channel, p.answer AS answer, null AS overrode, p.origin AS origin
  UNION ALL
  MATCH (k)<-[:OF_CASE]-(p:Proposal)-[:TO_TEACHER]->(t:Person), (p)-[:HAD_FOLLOW_UP]->(f:ProposalFollowUp)
  OPTIONAL MATCH (p)-[:FOR_COURSE]->(c:Course)
  RETURN 'PROPOSAL_FOLLOW_UP' AS kind, 2 AS rank, f.at AS instant, f.by AS by, null AS fromStatus, null AS toStatus, null AS reason,
         f.note AS note, p.id AS proposalId, t.id AS teacherId, t.name AS teacherName, c.name AS courseName, f.channel AS channel,
         null AS answer, null AS overrode, p.origin AS origin
  UNION ALL
  MATCH (k)<-[:OF_CASE]-(p:Proposal)-[:TO_TEACHER]->(t:Person)
  WHERE p.withdrawnAt IS NOT NULL
  OPTIONAL MATCH (p)-[:FOR_COURSE]->(c:Course)
  RETURN 'PROPOSAL_WITHDRAWN' AS kind, 2 AS rank, p.withdrawnAt AS instant, p.withdrawnBy AS by, null AS fromStatus, null AS toStatus,
         p.withdrawnReason AS reason, null AS note, p.id AS proposalId, t.id AS teacherId, t.name AS teacherName,
         c.name AS courseName, p.channel AS channel, null AS answer, null AS overrode, p.origin AS origin
  UNION ALL
  // The institution portal (#18): a coordinator's decision on a claim; the answer column says CONFIRMED or DECLINED.
  MATCH (k)<-[:OF_CASE]-(p:Proposal)-[:TO_TEACHER]->(t:Person)
  WHERE p.claimDecidedAt IS NOT NULL
  OPTIONAL MATCH (p)-[:FOR_COURSE]->(c:Course)
  RETURN 'CLAIM_DECIDED' AS kind, 2 AS rank, p.claimDecidedAt AS instant, p.claimDecidedBy AS by, null AS fromStatus,
         null AS toStatus, p.claimDeclineReason AS reason, null AS note, p.id AS proposalId, t.id AS teacherId,
         t.name AS teacherName, c.name AS courseName, p.channel AS channel, p.claimState AS answer, null AS overrode,
         p.origin AS origin
}
OPTIONAL MATCH (who:Person {id: by})
OPTIONAL MATCH (account:User {id: by})
RETURN kind, toString(instant) AS at, by, coalesce(who.name, account.name) AS byName, fromStatus, toStatus, reason, note,
       proposalId, teacherId, teacherName, courseName, channel, answer, coalesce(overrode, []) AS overrode, origin
ORDER BY instant, rank

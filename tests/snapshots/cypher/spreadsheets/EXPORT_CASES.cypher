MATCH (c:Case)
OPTIONAL MATCH (s:Sme)-[:ASKED]->(c)
CALL (c) {
  OPTIONAL MATCH (c)-[:HAD_EVENT]->(e:CaseEvent)
  WITH e ORDER BY e.at
  RETURN min(CASE WHEN e.to = 'MATCHED' THEN e.at END) AS matchedAt,
         min(CASE WHEN e.to = 'COMPLETED' THEN e.at END) AS completedAt,
         max(CASE WHEN e.to = 'CLOSED' THEN e.at END) AS closedAt,
         last(collect(CASE WHEN e.to = 'CLOSED' THEN e.reason END)) AS closeReason
}
CALL (c) {
  OPTIONAL MATCH (sp:Sprint)-[:FOR_CASE]->(c) WHERE coalesce(sp.status, '') <> 'CANCELLED'
  WITH sp ORDER BY sp.startDate DESC, sp.id
  LIMIT 1
  OPTIONAL MATCH (sp)-[:IN_COURSE]->(course:Course)
  OPTIONAL MATCH (course)-[:PART_OF]->(p:Programme)-[:OFFERED_BY]->(i:Institution)
  OPTIONAL MATCH (sp)-[:IN_PERIOD]->(tp:TeachingPeriod)
  RETURN sp.status AS sprintStatus, course.id AS courseId, course.name AS courseName,
         head(collect(p.name)) AS programmeName, head(collect(i.id)) AS institutionId, head(collect(i.name)) AS institutionName,
         head(collect(tp.name + ' ' + tp.academicYear)) AS teachingPeriod
}
CALL (c) {
  // The case's own referral (a second case of the SME may come through another partner).
  OPTIONAL MATCH (pa:Partner)-[r:REFERRED]->(c)
  WITH pa, r ORDER BY r.date, pa.id LIMIT 1
  RETURN pa.id AS referringPartnerId, toString(r.date) AS referralDate, r.by AS referringPersonId, pa.name AS referredBy
}
RETURN c.id AS id, c.title AS title, s.id AS smeId, s.kvkNumber AS smeKvkNumber, c.question AS question,
       c.topics AS topics, c.wantedLevels AS wantedLevels, c.effort AS effort,
       COLLECT { MATCH (c)-[:ABOUT]->(t:Topic)
                 WITH CASE WHEN $language = 'EN' THEN t.labelEn ELSE t.labelNl END AS label ORDER BY label
                 RETURN label } AS topicLabels,
       toString(c.earliestStart) AS earliestStart, toString(c.deadline) AS deadline, c.status AS status, closeReason,
       toString(c.created) AS created, head([(c)-[:HANDLED_BY]->(k:Person) | k.id]) AS coordinatorId,
       s.name AS smeName, s.city AS smeCity, referringPartnerId, referralDate, referringPersonId, referredBy,
       toString(matchedAt) AS matchedAt, toString(completedAt) AS completedAt, toString(closedAt) AS closedAt,
       courseId, courseName, programmeName, institutionId, institutionName, teachingPeriod, sprintStatus
ORDER BY c.created, c.id

CALL () {
  MATCH (k:Case) WHERE k.status IS NOT NULL
  RETURN k.status AS status, count(*) AS n
}
WITH collect({status: status, count: n}) AS columns
CALL () {
  MATCH (k:Case) WHERE k.created IS NOT NULL
  WITH k ORDER BY k.created DESC, k.id DESC LIMIT toInteger($limit)
  OPTIONAL MATCH (k)<-[:ASKED]-(s:Sme)
  OPTIONAL MATCH (k)-[:HANDLED_BY]->(co:Person)
  WITH k, head(collect(s)) AS s, head(collect(co)) AS co
  RETURN collect({
    id: k.id, title: k.title, status: k.status, smeId: s.id, smeName: s.name, smeCity: s.city,
    partnerName: head(COLLECT { MATCH (k)<-[r:REFERRED]-(p:Partner) RETURN p.name ORDER BY r.date }),
    coordinatorId: co.id, coordinatorName: co.name, selfSubmitted: coalesce(k.selfSubmitted, false), topics: k.topics, wantedLevels: k.wantedLevels,
    topicLabels: COLLECT { MATCH (k)-[a:ABOUT]->(t:Topic) RETURN {id: t.id, labelNl: t.labelNl, labelEn: t.labelEn, word: a.word,
                                                                status: t.status} ORDER BY t.id },
    earliestStart: toString(k.earliestStart), deadline: toString(k.deadline), created: toString(k.created),
    lastChangeAt: toString(head(COLLECT { MATCH (k)-[:HAD_EVENT]->(e:CaseEvent) RETURN e.at ORDER BY e.at DESC })),
    stateSince: toString(coalesce(head(COLLECT { MATCH (k)-[:HAD_EVENT]->(e:CaseEvent) WHERE e.to = k.status RETURN e.at ORDER BY e.at DESC }),
                                  k.created)),
    openProposals: COUNT { MATCH (k)<-[:OF_CASE]-(p:Proposal) WHERE p.answer IS NULL AND p.withdrawnAt IS NULL AND p.expiresAt >= datetime($now) },
    suggestionCount: CASE WHEN k.status IN $suggesting THEN k.suggestionCount ELSE null END
  }) AS cards
}
RETURN columns, cards

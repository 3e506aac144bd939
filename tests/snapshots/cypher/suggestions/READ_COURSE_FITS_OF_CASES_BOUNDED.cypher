UNWIND $caseIds AS caseId MATCH (k:Case {id: caseId})
WITH k,
     COLLECT { MATCH (k)-[a:ABOUT]->(t:Topic) RETURN {id: t.id, word: a.word} ORDER BY t.id } AS topics,
     // A period that has already begun cannot take the case, so the window opens today at the earliest.
     CASE WHEN k.earliestStart IS NULL OR k.earliestStart < date($today) THEN date($today) ELSE k.earliestStart END AS windowStart,
     k.deadline AS windowEnd,
     coalesce(k.wantedLevels, []) AS wanted
WHERE size(topics) > 0
CALL (topics) {
  UNWIND topics AS ct
  MATCH (t:Topic {id: ct.id})
  CALL (t) {
    RETURN t AS m, 'SAME' AS relation, 1.0 AS credit
    UNION
    MATCH (t)-[:BROADER]->(m:Topic) RETURN m, 'BROADER' AS relation, $neighbourCredit AS credit
    UNION
    MATCH (t)<-[:BROADER]-(m:Topic) RETURN m, 'NARROWER' AS relation, $neighbourCredit AS credit
  }
  MATCH (m)<-[ca:ABOUT]-(c:Course)
  WITH c, ct, m, relation, credit ORDER BY credit DESC, m.id ASC
  WITH c, ct, head(collect({caseTopicId: ct.id, caseWord: ct.word, courseTopicId: m.id, courseTopicNl: m.labelNl,
                            courseTopicEn: m.labelEn, relation: relation, credit: credit})) AS match
  WITH c, collect(match) AS shared
  MATCH (i:Institution)<-[:OFFERED_BY]-(pr:Programme)<-[:PART_OF]-(c)
  RETURN c, shared, collect({programme: pr, institution: i}) AS places, collect(DISTINCT i.kind) AS kinds
}
WITH k, topics, windowStart, windowEnd, wanted, c, shared, places, kinds,
     reduce(s = 0.0, x IN shared | s + x.credit) / size(topics) AS topicScore,
     CASE WHEN size(wanted) = 0 THEN 0.5 WHEN any(x IN kinds WHERE x IN wanted) THEN 1.0 ELSE 0.0 END AS levelScore,
     coalesce($terms[elementId(c)], []) AS directTerms,
     reduce(acc = [], x IN places | acc + coalesce($terms[elementId(x.programme)], [])) AS programmeTerms,
     reduce(acc = [], x IN places | acc + coalesce($terms[elementId(x.institution)], [])) AS institutionTerms
WITH *, $wTopic * topicScore + $wLevel * levelScore + $wTiming * 1.0 +
        $wCapacity * CASE WHEN size(directTerms) + size(programmeTerms) + size(institutionTerms) > 0 THEN 1.0 ELSE 0.25 END AS bound
ORDER BY bound DESC
WITH k, topics, windowStart, windowEnd, wanted,
     collect({c: c, shared: shared, places: places, kinds: kinds, topicScore: topicScore, levelScore: levelScore,
              directTerms: directTerms, programmeTerms: programmeTerms, institutionTerms: institutionTerms,
              bound: bound}) AS candidates
CALL (candidates, windowStart, windowEnd) {
  UNWIND candidates[0..toInteger($weighFirst)] AS x
  WITH x, x.c AS c, x.directTerms AS directTerms, x.programmeTerms AS programmeTerms, x.institutionTerms AS institutionTerms
  OPTIONAL CALL (c, windowStart, windowEnd, directTerms, programmeTerms, institutionTerms) {
    MATCH (c)-[:RUNS_IN]->(p:TeachingPeriod)
    WHERE p.startDate >= windowStart AND (windowEnd IS NULL OR p.startDate < windowEnd)
    WITH c, p, directTerms, programmeTerms, institutionTerms, toString(p.startDate) AS periodStart,
         CASE WHEN windowEnd IS NULL OR p.endDate <= windowEnd THEN 1.0 ELSE 0.5 END AS timing
    WITH *, [t IN directTerms WHERE (t[0] IS NULL OR t[0] <= periodStart) AND (t[1] IS NULL OR t[1] >= periodStart)] AS direct,
            [t IN programmeTerms WHERE (t[0] IS NULL OR t[0] <= periodStart) AND (t[1] IS NULL OR t[1] >= periodStart)] AS viaProgramme,
            [t IN institutionTerms WHERE (t[0] IS NULL OR t[0] <= periodStart) AND (t[1] IS NULL OR t[1] >= periodStart)] AS viaInstitution
    WITH *, CASE WHEN size(direct) > 0 THEN direct WHEN size(viaProgramme) > 0 THEN viaProgramme ELSE viaInstitution END AS governing
    WITH *, size(governing) > 0 AS hasAgreement,
            CASE WHEN size(governing) = 0 OR any(g IN governing WHERE g[2] IS NULL) THEN null
                 ELSE reduce(m = 0, g IN governing | CASE WHEN g[2] > m THEN g[2] ELSE m END) END AS cap
    // Sprints only matter where there is a limit to count them against.
    WITH *, CASE WHEN cap IS NULL THEN 0
                 ELSE COUNT { MATCH (s:Sprint)-[:IN_COURSE]->(c) WHERE s.status <> 'CANCELLED' AND (s)-[:IN_PERIOD]->(p) } END AS used
    WITH p, timing, hasAgreement, cap, used,
         CASE WHEN NOT hasAgreement OR cap IS NULL THEN null ELSE cap - used END AS remaining
    WITH p, timing, hasAgreement, cap, used, remaining,
         CASE WHEN NOT hasAgreement THEN 0.25 WHEN cap IS NULL THEN 1.0
              WHEN remaining >= 2 THEN 1.0 WHEN remaining = 1 THEN 0.75 ELSE 0.0 END AS capacity
    ORDER BY $wTiming * timing + $wCapacity * capacity DESC, p.startDate ASC, p.id ASC
    LIMIT 1
    RETURN p AS period, timing, capacity, hasAgreement, cap, used, remaining
  }
  WITH x, c, period, coalesce(timing, 0.0) AS timingScore, coalesce(capacity, 0.0) AS capacityScore,
       coalesce(hasAgreement, false) AS hasAgreement, cap, used, remaining
  WITH *, $wTopic * x.topicScore + $wLevel * x.levelScore + $wTiming * timingScore + $wCapacity * capacityScore AS partial
  ORDER BY partial DESC, c.name ASC, c.id ASC
  RETURN collect({c: c, shared: x.shared, place: head(x.places), kinds: x.kinds, topicScore: x.topicScore,
                  levelScore: x.levelScore, period: period, timingScore: timingScore, capacityScore: capacityScore,
                  hasAgreement: hasAgreement, cap: cap, used: used, remaining: remaining, partial: partial}) AS first
}
WITH k, topics, windowStart, windowEnd, wanted, candidates, first,
     CASE WHEN size(first) >= $maxCandidates THEN first[toInteger($maxCandidates) - 1].partial ELSE null END AS floor
CALL (candidates, floor, windowStart, windowEnd) {
  UNWIND [x IN candidates[toInteger($weighFirst)..] WHERE floor IS NULL OR x.bound >= floor - 0.000000001] AS x
  WITH x, x.c AS c, x.directTerms AS directTerms, x.programmeTerms AS programmeTerms, x.institutionTerms AS institutionTerms
  OPTIONAL CALL (c, windowStart, windowEnd, directTerms, programmeTerms, institutionTerms) {
    MATCH (c)-[:RUNS_IN]->(p:TeachingPeriod)
    WHERE p.startDate >= windowStart AND (windowEnd IS NULL OR p.startDate < windowEnd)
    WITH c, p, directTerms, programmeTerms, institutionTerms, toString(p.startDate) AS periodStart,
         CASE WHEN windowEnd IS NULL OR p.endDate <= windowEnd THEN 1.0 ELSE 0.5 END AS timing
    WITH *, [t IN directTerms WHERE (t[0] IS NULL OR t[0] <= periodStart) AND (t[1] IS NULL OR t[1] >= periodStart)] AS direct,
            [t IN programmeTerms WHERE (t[0] IS NULL OR t[0] <= periodStart) AND (t[1] IS NULL OR t[1] >= periodStart)] AS viaProgramme,
            [t IN institutionTerms WHERE (t[0] IS NULL OR t[0] <= periodStart) AND (t[1] IS NULL OR t[1] >= periodStart)] AS viaInstitution
    WITH *, CASE WHEN size(direct) > 0 THEN direct WHEN size(viaProgramme) > 0 THEN viaProgramme ELSE viaInstitution END AS governing
    WITH *, size(governing) > 0 AS hasAgreement,
            CASE WHEN size(governing) = 0 OR any(g IN governing WHERE g[2] IS NULL) THEN null
                 ELSE reduce(m = 0, g IN governing | CASE WHEN g[2] > m THEN g[2] ELSE m END) END AS cap
    // Sprints only matter where there is a limit to count them against.
    WITH *, CASE WHEN cap IS NULL THEN 0
                 ELSE COUNT { MATCH (s:Sprint)-[:IN_COURSE]->(c) WHERE s.status <> 'CANCELLED' AND (s)-[:IN_PERIOD]->(p) } END AS used
    WITH p, timing, hasAgreement, cap, used,
         CASE WHEN NOT hasAgreement OR cap IS NULL THEN null ELSE cap - used END AS remaining
    WITH p, timing, hasAgreement, cap, used, remaining,
         CASE WHEN NOT hasAgreement THEN 0.25 WHEN cap IS NULL THEN 1.0
              WHEN remaining >= 2 THEN 1.0 WHEN remaining = 1 THEN 0.75 ELSE 0.0 END AS capacity
    ORDER BY $wTiming * timing + $wCapacity * capacity DESC, p.startDate ASC, p.id ASC
    LIMIT 1
    RETURN p AS period, timing, capacity, hasAgreement, cap, used, remaining
  }
  WITH x, c, period, coalesce(timing, 0.0) AS timingScore, coalesce(capacity, 0.0) AS capacityScore,
       coalesce(hasAgreement, false) AS hasAgreement, cap, used, remaining
  WITH *, $wTopic * x.topicScore + $wLevel * x.levelScore + $wTiming * timingScore + $wCapacity * capacityScore AS partial
  ORDER BY partial DESC, c.name ASC, c.id ASC
  RETURN collect({c: c, shared: x.shared, place: head(x.places), kinds: x.kinds, topicScore: x.topicScore,
                  levelScore: x.levelScore, period: period, timingScore: timingScore, capacityScore: capacityScore,
                  hasAgreement: hasAgreement, cap: cap, used: used, remaining: remaining, partial: partial}) AS more
}
UNWIND first + more AS r
WITH k, topics, windowStart, windowEnd, wanted, r ORDER BY r.partial DESC, r.c.name ASC, r.c.id ASC
WITH k, topics, windowStart, windowEnd, wanted, collect(r) AS rows
WITH k, topics, windowStart, windowEnd, wanted, rows,
     CASE WHEN $limit IS NOT NULL AND size(rows) >= $limit THEN rows[toInteger($limit) - 1].partial ELSE -1.0 END AS kth
UNWIND [r IN rows WHERE r.partial >= kth - $restMax - 0.000001][0..toInteger($maxCandidates)] AS r
RETURN k.id AS caseId, size(topics) AS topicCount, toString(windowStart) AS windowStart,
       toString(windowEnd) AS windowEnd, wanted, k.effort AS effort,
       {course: {id: r.c.id, name: r.c.name, kind: r.c.kind}, shared: r.shared, kinds: r.kinds,
        place: {programme: r.place.programme.name, programmeId: r.place.programme.id,
               institution: r.place.institution.name, institutionId: r.place.institution.id},
        topicScore: r.topicScore, levelScore: r.levelScore,
        period: CASE WHEN r.period IS NULL THEN null ELSE {id: r.period.id, name: r.period.name,
                startDate: toString(r.period.startDate), endDate: toString(r.period.endDate)} END,
        timingScore: r.timingScore, capacityScore: r.capacityScore, hasAgreement: r.hasAgreement,
        cap: r.cap, used: r.used, remaining: r.remaining} AS r

UNWIND $pairs AS pair
MATCH (c:Course {id: pair.courseId}), (p:TeachingPeriod {id: pair.periodId})
WITH c, p, toString(p.startDate) AS periodStart
WITH *, COLLECT { MATCH (a:Agreement)-[:COVERS]->(c) RETURN [toString(a.validFrom), toString(a.validTo), a.casesPerPeriod, a.id] } AS directTerms,
        COLLECT { MATCH (a:Agreement)-[:COVERS]->(:Programme)<-[:PART_OF]-(c) RETURN [toString(a.validFrom), toString(a.validTo), a.casesPerPeriod, a.id] } AS programmeTerms,
        COLLECT { MATCH (a:Agreement)-[:COVERS]->(:Institution)<-[:OFFERED_BY]-(:Programme)<-[:PART_OF]-(c)
                  RETURN [toString(a.validFrom), toString(a.validTo), a.casesPerPeriod, a.id] } AS institutionTerms
WITH *, [t IN directTerms WHERE (t[0] IS NULL OR t[0] <= periodStart) AND (t[1] IS NULL OR t[1] >= periodStart)] AS direct,
        [t IN programmeTerms WHERE (t[0] IS NULL OR t[0] <= periodStart) AND (t[1] IS NULL OR t[1] >= periodStart)] AS viaProgramme,
        [t IN institutionTerms WHERE (t[0] IS NULL OR t[0] <= periodStart) AND (t[1] IS NULL OR t[1] >= periodStart)] AS viaInstitution
WITH *, CASE WHEN size(direct) > 0 THEN direct WHEN size(viaProgramme) > 0 THEN viaProgramme ELSE viaInstitution END AS governing
WITH *, size(governing) > 0 AS hasAgreement,
        CASE WHEN size(governing) = 0 OR any(g IN governing WHERE g[2] IS NULL) THEN null
             ELSE reduce(m = 0, g IN governing | CASE WHEN g[2] > m THEN g[2] ELSE m END) END AS cap
WITH *, COUNT { MATCH (s:Sprint)-[:IN_COURSE]->(c) WHERE s.status <> 'CANCELLED' AND (s)-[:IN_PERIOD]->(p) } AS used
RETURN c.id AS courseId, p.id AS periodId, c.name AS courseName, p.name AS periodName, p.academicYear AS academicYear, periodStart,
       EXISTS { (c)-[:RUNS_IN]->(p) } AS runsInPeriod, hasAgreement, cap, used,
       head([g IN governing WHERE g[2] IS NULL OR g[2] = cap | g[3]]) AS governingAgreementId

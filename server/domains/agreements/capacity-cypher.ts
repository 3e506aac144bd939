/**
 * Cypher fragments of an agreement's capacity, shared by readCapacities and the suggestion query (readCourseFits).
 * They belong to agreements: suggestions use them, not the reverse.
 */

/**
 * The agreement terms of course `c` as three lists of [validFrom, validTo, casesPerPeriod, agreement id]:
 * its own, its programme's and its institution's. For queries about one course; the suggestion query
 * takes them from the $terms map instead (without the id, which only capacity shows).
 */
export const AGREEMENT_TERMS_OF_COURSE = `
  WITH *, COLLECT { MATCH (a:Agreement)-[:COVERS]->(c) RETURN [toString(a.validFrom), toString(a.validTo), a.casesPerPeriod, a.id] } AS directTerms,
          COLLECT { MATCH (a:Agreement)-[:COVERS]->(:Programme)<-[:PART_OF]-(c) RETURN [toString(a.validFrom), toString(a.validTo), a.casesPerPeriod, a.id] } AS programmeTerms,
          COLLECT { MATCH (a:Agreement)-[:COVERS]->(:Institution)<-[:OFFERED_BY]-(:Programme)<-[:PART_OF]-(c)
                    RETURN [toString(a.validFrom), toString(a.validTo), a.casesPerPeriod, a.id] } AS institutionTerms`;

/**
 * The capacity of course `c` in period `p` (with `periodStart` = toString(p.startDate)), from the
 * term lists above. The agreement that governs is the most specific one valid on the period's start
 * date: the course's own, else its programme's, else its institution's. Its casesPerPeriod counts
 * per course and period (also for programme- and institution-wide agreements); an agreement
 * without a number sets no limit.
 */
export const GOVERNING_AGREEMENT_IN_PERIOD = `
  WITH *, [t IN directTerms WHERE (t[0] IS NULL OR t[0] <= periodStart) AND (t[1] IS NULL OR t[1] >= periodStart)] AS direct,
          [t IN programmeTerms WHERE (t[0] IS NULL OR t[0] <= periodStart) AND (t[1] IS NULL OR t[1] >= periodStart)] AS viaProgramme,
          [t IN institutionTerms WHERE (t[0] IS NULL OR t[0] <= periodStart) AND (t[1] IS NULL OR t[1] >= periodStart)] AS viaInstitution
  WITH *, CASE WHEN size(direct) > 0 THEN direct WHEN size(viaProgramme) > 0 THEN viaProgramme ELSE viaInstitution END AS governing
  WITH *, size(governing) > 0 AS hasAgreement,
          CASE WHEN size(governing) = 0 OR any(g IN governing WHERE g[2] IS NULL) THEN null
               ELSE reduce(m = 0, g IN governing | CASE WHEN g[2] > m THEN g[2] ELSE m END) END AS cap`;

/** `used`: the sprints in course `c` and period `p`, cancelled ones aside. */
export const USED_PLACES = `
  WITH *, COUNT { MATCH (s:Sprint)-[:IN_COURSE]->(c) WHERE s.status <> 'CANCELLED' AND (s)-[:IN_PERIOD]->(p) } AS used`;

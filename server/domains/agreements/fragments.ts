/**
 * The one Cypher fragment of agreements, shared by the capacity check (READ_CAPACITIES) and the
 * suggestion ranking (suggestions' course fits): the two must agree on which agreement governs,
 * or a course could be ranked as having room that matching then refuses.
 */

/**
 * Which agreement governs course `c` in period `p`, and the capacity it sets. The most specific
 * agreement valid on the period's start date governs: the course's own, else its programme's, else
 * its institution's. Its casesPerPeriod counts per course and period (also for programme- and
 * institution-wide agreements); an agreement without a number sets no limit.
 *
 * Expects in scope: `periodStart` (toString(p.startDate)) and `directTerms`, `programmeTerms`,
 * `institutionTerms`: lists of [validFrom, validTo, casesPerPeriod, …] (dates as YYYY-MM-DD strings
 * or null; what follows, such as the agreement's id, is carried along into `governing`).
 * Yields (keeping everything in scope, WITH *): `direct`, `viaProgramme`, `viaInstitution`,
 * `governing`, `hasAgreement` (boolean) and `cap` (null: no limit).
 */
export const GOVERNING_AGREEMENT_IN_PERIOD = /* cypher */ `WITH *, [t IN directTerms WHERE (t[0] IS NULL OR t[0] <= periodStart) AND (t[1] IS NULL OR t[1] >= periodStart)] AS direct,
        [t IN programmeTerms WHERE (t[0] IS NULL OR t[0] <= periodStart) AND (t[1] IS NULL OR t[1] >= periodStart)] AS viaProgramme,
        [t IN institutionTerms WHERE (t[0] IS NULL OR t[0] <= periodStart) AND (t[1] IS NULL OR t[1] >= periodStart)] AS viaInstitution
WITH *, CASE WHEN size(direct) > 0 THEN direct WHEN size(viaProgramme) > 0 THEN viaProgramme ELSE viaInstitution END AS governing
WITH *, size(governing) > 0 AS hasAgreement,
        CASE WHEN size(governing) = 0 OR any(g IN governing WHERE g[2] IS NULL) THEN null
             ELSE reduce(m = 0, g IN governing | CASE WHEN g[2] > m THEN g[2] ELSE m END) END AS cap`;

/**
 * The Cypher of the figures (docs/figures.md), each statement whole but for three definitions that
 * several figures share and must share exactly: a case in the window, a case's furthest stage, and
 * a match. Snapshots: tests/snapshots/cypher/figures/.
 */

/**
 * Condition: case `c` was created inside the window (UTC calendar date of `created`).
 * Expects `c` (a :Case) and the parameters $from, $to (ISO dates or null: open); binds nothing.
 */
const CASE_IN_WINDOW = /* cypher */ `($from IS NULL OR date(c.created) >= date($from)) AND ($to IS NULL OR date(c.created) <= date($to))`;

/**
 * Expression: the furthest stage rank of case `c`, the highest rank among its current status and
 * every status its timeline events moved it to (CLOSED has no rank).
 * Expects `c` (a :Case) and the parameter $rank (stageRank: status → rank); binds nothing.
 */
const FURTHEST_RANK = /* cypher */ `reduce(m = 0, r IN [s IN [c.status] + [(c)-[:HAD_EVENT]->(ev:CaseEvent) | ev.to] WHERE $rank[s] IS NOT NULL | $rank[s]] |
  CASE WHEN r > m THEN r ELSE m END)`;

/**
 * Condition: sprint `s` of case `c` is a match, one that is not CANCELLED, for a case created in
 * the window. Expects `s` (a :Sprint), `c` (its :Case), $from and $to; binds nothing.
 */
const IS_MATCH = /* cypher */ `coalesce(s.status, '') <> 'CANCELLED' AND ${CASE_IN_WINDOW}`;

/** F1: per state ($statuses), how many cases are in it now and how many ever got that far. */
export const READ_CASE_FUNNEL = /* cypher */ `
MATCH (c:Case) WHERE ${CASE_IN_WINDOW}
WITH c.status AS status, ${FURTHEST_RANK} AS furthest
WITH collect({status: status, furthest: furthest}) AS cases
UNWIND $statuses AS status
RETURN status,
       size([x IN cases WHERE x.status = status]) AS current,
       size([x IN cases WHERE (status = 'CLOSED' AND x.status = 'CLOSED') OR (status <> 'CLOSED' AND x.furthest >= $rank[status])]) AS reached`;

/**
 * F2 by calendar month (UTC): cases created per month with how far they got, months without gaps
 * from the first to the last (or the window's bounds).
 */
export const READ_FUNNEL_BY_MONTH = /* cypher */ `
MATCH (c:Case) WHERE c.created IS NOT NULL AND ${CASE_IN_WINDOW}
WITH c, date.truncate('month', date(c.created)) AS month, ${FURTHEST_RANK} AS furthest
WITH month, count(c) AS created,
     sum(CASE WHEN furthest >= 1 THEN 1 ELSE 0 END) AS qualified,
     sum(CASE WHEN furthest >= 2 THEN 1 ELSE 0 END) AS proposed,
     sum(CASE WHEN furthest >= 3 THEN 1 ELSE 0 END) AS matched,
     sum(CASE WHEN furthest >= 4 THEN 1 ELSE 0 END) AS inSprint,
     sum(CASE WHEN furthest >= 5 THEN 1 ELSE 0 END) AS completed,
     sum(CASE WHEN c.status = 'CLOSED' THEN 1 ELSE 0 END) AS closed
WITH collect({month: month, counts: {created: created, qualified: qualified, proposed: proposed, matched: matched, inSprint: inSprint,
                                     completed: completed, closed: closed}}) AS groups,
     min(month) AS first, max(month) AS last
WITH groups,
     CASE WHEN $from IS NULL THEN first ELSE date.truncate('month', date($from)) END AS a,
     CASE WHEN $to IS NULL THEN last ELSE date.truncate('month', date($to)) END AS b
WHERE a IS NOT NULL AND b IS NOT NULL
UNWIND range(0, (b.year - a.year) * 12 + b.month - a.month) AS k
WITH groups, a + duration({months: k}) AS m
WITH m, head([g IN groups WHERE g.month = m | g.counts]) AS counts
RETURN toString(m) AS start, toString(m + duration({months: 1}) - duration({days: 1})) AS end, counts
ORDER BY m`;

export const READ_INSTITUTION_EXISTS = /* cypher */ `
MATCH (i:Institution {id: $institution})
RETURN i.id AS id`;

/**
 * F2 by teaching period of one institution: each case counts in the latest period that started on
 * or before its creation; every period that overlaps the window is listed.
 */
export const READ_FUNNEL_BY_TEACHING_PERIOD = /* cypher */ `
MATCH (i:Institution {id: $institution})
CALL (i) {
  OPTIONAL MATCH (i)-[:HAS_PERIOD]->(tp:TeachingPeriod)
  RETURN collect(tp) AS periods
}
CALL (periods) {
  MATCH (c:Case) WHERE c.created IS NOT NULL AND ${CASE_IN_WINDOW}
  CALL (c, periods) {
    UNWIND periods AS tp
    WITH tp WHERE tp.startDate <= date(c.created)
    RETURN tp AS bucket ORDER BY tp.startDate DESC, tp.endDate ASC, tp.id ASC LIMIT 1
  }
  WITH bucket, c, ${FURTHEST_RANK} AS furthest
  WITH bucket, count(c) AS created,
       sum(CASE WHEN furthest >= 1 THEN 1 ELSE 0 END) AS qualified,
       sum(CASE WHEN furthest >= 2 THEN 1 ELSE 0 END) AS proposed,
       sum(CASE WHEN furthest >= 3 THEN 1 ELSE 0 END) AS matched,
       sum(CASE WHEN furthest >= 4 THEN 1 ELSE 0 END) AS inSprint,
       sum(CASE WHEN furthest >= 5 THEN 1 ELSE 0 END) AS completed,
       sum(CASE WHEN c.status = 'CLOSED' THEN 1 ELSE 0 END) AS closed
  RETURN collect({id: bucket.id, counts: {created: created, qualified: qualified, proposed: proposed, matched: matched, inSprint: inSprint,
                                          completed: completed, closed: closed}}) AS groups
}
UNWIND periods AS tp
WITH tp, groups
WHERE ($from IS NULL OR tp.endDate >= date($from)) AND ($to IS NULL OR tp.startDate <= date($to))
RETURN tp.id AS key, tp.name + ' ' + tp.academicYear AS label, toString(tp.startDate) AS start, toString(tp.endDate) AS end,
       head([g IN groups WHERE g.id = tp.id | g.counts]) AS counts
ORDER BY tp.startDate, tp.endDate, tp.id`;

/**
 * F3: median days from a case's creation to its first MATCHED event, and from the first MATCHED to
 * the first COMPLETED event; days are exact elapsed time / 86 400 s.
 */
export const READ_CASE_DURATIONS = /* cypher */ `
MATCH (c:Case) WHERE ${CASE_IN_WINDOW}
CALL (c) {
  OPTIONAL MATCH (c)-[:HAD_EVENT]->(e:CaseEvent)
  RETURN min(CASE WHEN e.to = 'MATCHED' THEN e.at END) AS matchedAt,
         min(CASE WHEN e.to = 'COMPLETED' THEN e.at END) AS completedAt
}
WITH CASE WHEN c.created IS NOT NULL AND matchedAt IS NOT NULL THEN duration.inSeconds(c.created, matchedAt) END AS toMatch,
     CASE WHEN matchedAt IS NOT NULL AND completedAt IS NOT NULL THEN duration.inSeconds(matchedAt, completedAt) END AS toComplete
WITH (toMatch.seconds + toMatch.nanosecondsOfSecond / 1e9) / 86400.0 AS daysToMatch,
     (toComplete.seconds + toComplete.nanosecondsOfSecond / 1e9) / 86400.0 AS daysToComplete
RETURN percentileCont(daysToMatch, 0.5) AS medianToMatch, count(daysToMatch) AS matched,
       percentileCont(daysToComplete, 0.5) AS medianToComplete, count(daysToComplete) AS completed`;

/** F4: matches in total. */
export const COUNT_MATCHES = /* cypher */ `
MATCH (s:Sprint)-[:FOR_CASE]->(c:Case) WHERE ${IS_MATCH}
RETURN count(DISTINCT s) AS n`;

/** F4: matches per institution, through course → programme → institution. */
export const READ_MATCHES_BY_INSTITUTION = /* cypher */ `
MATCH (i:Institution)
CALL (i) {
  OPTIONAL MATCH (i)<-[:OFFERED_BY]-(:Programme)<-[:PART_OF]-(:Course)<-[:IN_COURSE]-(s:Sprint)-[:FOR_CASE]->(c:Case)
  WHERE ${IS_MATCH}
  RETURN count(DISTINCT s) AS matches
}
RETURN i.id AS institutionId, i.name AS institutionName, i.kind AS level, matches
ORDER BY matches DESC, institutionName, institutionId`;

/** F4: matches per level ($levels), the kind of the course's institution. */
export const READ_MATCHES_BY_LEVEL = /* cypher */ `
UNWIND $levels AS level
CALL (level) {
  OPTIONAL MATCH (:Institution {kind: level})<-[:OFFERED_BY]-(:Programme)<-[:PART_OF]-(:Course)<-[:IN_COURSE]-(s:Sprint)-[:FOR_CASE]->(c:Case)
  WHERE ${IS_MATCH}
  RETURN count(DISTINCT s) AS matches
}
RETURN level, matches`;

/** F4: matches per teaching period. */
export const READ_MATCHES_BY_TEACHING_PERIOD = /* cypher */ `
MATCH (tp:TeachingPeriod)<-[:IN_PERIOD]-(s:Sprint)-[:FOR_CASE]->(c:Case)
WHERE ${IS_MATCH}
WITH tp, count(DISTINCT s) AS matches
RETURN tp.id AS periodId, tp.name AS periodName, tp.academicYear AS academicYear, toString(tp.startDate) AS startDate,
       head([(tp)<-[:HAS_PERIOD]-(i:Institution) | i.name]) AS institutionName, matches
ORDER BY tp.startDate, institutionName, periodId`;

/**
 * F5: per partner, the cases it referred (the referral's date in the window; a referral belongs to
 * the case), the SMEs that asked them, and how many of those cases reached MATCHED and COMPLETED.
 */
export const READ_PARTNER_YIELD = /* cypher */ `
MATCH (pa:Partner)
CALL (pa) {
  OPTIONAL MATCH (pa)-[r:REFERRED]->(c:Case)
  WHERE ($from IS NULL OR r.date >= date($from)) AND ($to IS NULL OR r.date <= date($to))
  RETURN collect(DISTINCT c) AS referred
}
CALL (referred) {
  UNWIND referred AS c
  WITH c, ${FURTHEST_RANK} AS furthest
  RETURN count(c) AS cases,
         sum(CASE WHEN furthest >= $rank.MATCHED THEN 1 ELSE 0 END) AS matched,
         sum(CASE WHEN furthest >= $rank.COMPLETED THEN 1 ELSE 0 END) AS completed
}
RETURN pa.id AS partnerId, pa.name AS partnerName, pa.kind AS kind,
       size(COLLECT { UNWIND referred AS c MATCH (s:Sme)-[:ASKED]->(c) RETURN DISTINCT s }) AS referredSmes, cases, matched, completed
ORDER BY referredSmes DESC, cases DESC, partnerName, partnerId`;

/**
 * F6: per teacher sent at least one proposal in the window (UTC date of sentAt): sent, answered,
 * each answer, expired (no answer and expiresAt before $asOf, default now). A proposal withdrawn by
 * $asOf (its case was matched or closed first) is left out of every count but `withdrawn`: the
 * teacher was never really waited for.
 */
export const READ_TEACHER_RESPONSE_RATES = /* cypher */ `
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
ORDER BY sent DESC, teacherName, teacherId`;

/**
 * The Cypher of the case workflow (intake, transitions, sprints, board, timeline), each statement
 * whole. Snapshots: tests/snapshots/cypher/case-workflow/.
 */

// ---- Case state and transitions -------------------------------------------------------------

/** The state of a case that lockCase has just locked. */
export const READ_LOCKED_CASE = /* cypher */ `
MATCH (k:Case {id: $id})
RETURN k.status AS status, k.title AS title`;

/** Sets the status and appends the timeline event (the caller has locked the case and checked the transition). */
export const RECORD_STATUS_CHANGE = /* cypher */ `
MATCH (k:Case {id: $caseId})
SET k.status = $to
CREATE (k)-[:HAD_EVENT]->(e:CaseEvent {id: randomUUID(), from: $from, to: $to, at: datetime($at), by: $by, reason: $reason, note: $note})
RETURN e.id AS eventId`;

/** What a case needs before it can be QUALIFIED. */
export const READ_QUALIFICATION_FIELDS = /* cypher */ `
MATCH (k:Case {id: $id})
RETURN size(coalesce(k.topics, [])) AS topics, size(coalesce(k.wantedLevels, [])) AS levels, k.effort AS effort,
       toString(k.earliestStart) AS earliestStart, toString(k.deadline) AS deadline`;

/**
 * Matching or closing a case withdraws its proposals still waiting for an answer (not answered, not
 * expired, not yet withdrawn): they no longer count as open, nor as expired against the teacher.
 * `withdrawnBy` is the acting person (or account), so the timeline names who withdrew them.
 */
export const WITHDRAW_OPEN_PROPOSALS_OF_CASE = /* cypher */ `
MATCH (:Case {id: $caseId})<-[:OF_CASE]-(p:Proposal)
WHERE p.answer IS NULL AND p.withdrawnAt IS NULL AND p.expiresAt >= datetime($now)
SET p.withdrawnAt = datetime($now), p.withdrawnReason = $reason, p.withdrawnBy = $by
RETURN count(p) AS withdrawn`;

/** The checks matchCase may be told to override: the case's wanted levels and the course's institution levels. */
export const READ_MATCH_LEVELS = /* cypher */ `
MATCH (k:Case {id: $caseId}), (c:Course {id: $courseId})
RETURN coalesce(k.wantedLevels, []) AS wantedLevels, c.name AS courseName,
       COLLECT { MATCH (c)-[:PART_OF]->(:Programme)-[:OFFERED_BY]->(i:Institution) RETURN DISTINCT i.kind } AS courseLevels`;

/** What an override adds to the event that records the step: which checks were overridden. */
export const MARK_EVENT_OVERRIDE = /* cypher */ `
MATCH (e:CaseEvent {id: $eventId})
SET e.overrode = $overrode`;

/** Closing a case cancels its planned or running sprint, which gives the place back. */
export const CANCEL_OPEN_SPRINTS_OF_CASE = /* cypher */ `
MATCH (:Case {id: $id})<-[:FOR_CASE]-(s:Sprint) WHERE s.status IN ['PLANNED', 'RUNNING']
SET s.status = 'CANCELLED'`;

// ---- Intake ---------------------------------------------------------------------------------

/** The coordinator named (or the actor) is a person. */
export const READ_COORDINATOR = /* cypher */ `
MATCH (p:Person {id: $id})
RETURN p.id AS id`;

export const READ_PARTNER = /* cypher */ `
MATCH (p:Partner {id: $id})
RETURN p.id AS id`;

/** A partner by name ($key: trimmed, lower case). */
export const FIND_PARTNER_BY_NAME = /* cypher */ `
MATCH (p:Partner) WHERE toLower(trim(p.name)) = $key
RETURN p.id AS id
ORDER BY p.id
LIMIT 1`;

/** $id is derived from the name (deriveNaturalId), so concurrent intakes of one partner make one node. */
export const MERGE_PARTNER = /* cypher */ `
MERGE (p:Partner {id: $id})
ON CREATE SET p.name = $name, p.kind = $kind
RETURN p.id AS id`;

/** An SME by KvK number; missing details are filled in, never overwritten. */
export const FIND_SME_BY_KVK = /* cypher */ `
MATCH (s:Sme {kvkNumber: $kvk})
SET s.city = coalesce(s.city, $city), s.sector = coalesce(s.sector, $sector), s.size = coalesce(s.size, $size)
RETURN s.id AS id`;

/** An SME without a KvK number, by name + city, takes the one given. */
export const ADOPT_SME_BY_NAME_AND_CITY = /* cypher */ `
MATCH (s:Sme) WHERE s.kvkNumber IS NULL AND toLower(trim(s.name)) = $nameKey AND toLower(trim(coalesce(s.city, ''))) = $cityKey
WITH s ORDER BY s.id LIMIT 1
SET s.kvkNumber = $kvk, s.city = coalesce(s.city, $city), s.sector = coalesce(s.sector, $sector), s.size = coalesce(s.size, $size)
RETURN s.id AS id`;

/** An SME by name + city (one with a KvK number first); missing details are filled in. */
export const FIND_SME_BY_NAME_AND_CITY = /* cypher */ `
MATCH (s:Sme) WHERE toLower(trim(s.name)) = $nameKey AND toLower(trim(coalesce(s.city, ''))) = $cityKey
WITH s ORDER BY s.kvkNumber IS NULL, s.id LIMIT 1
SET s.city = coalesce(s.city, $city), s.sector = coalesce(s.sector, $sector), s.size = coalesce(s.size, $size)
RETURN s.id AS id`;

/**
 * MERGE on the unique KvK number. The $token set only ON CREATE tells this transaction whether it
 * created the node or found one a concurrent intake had just made; it is removed in the same statement.
 */
export const MERGE_SME_BY_KVK = /* cypher */ `
MERGE (s:Sme {kvkNumber: $kvk})
ON CREATE SET s.id = $id, s.name = $name, s.city = $city, s.sector = $sector, s.size = $size, s._intake = $token
WITH s, s._intake = $token AS created
REMOVE s._intake
RETURN s.id AS id, created`;

/** As MERGE_SME_BY_KVK, on the id derived from name + city. */
export const MERGE_SME_BY_ID = /* cypher */ `
MERGE (s:Sme {id: $id})
ON CREATE SET s.id = $id, s.name = $name, s.city = $city, s.sector = $sector, s.size = $size, s._intake = $token
WITH s, s._intake = $token AS created
REMOVE s._intake
RETURN s.id AS id, created`;

/** A contact by e-mail anywhere in the graph; missing details are filled in. */
export const FIND_CONTACT_BY_EMAIL = /* cypher */ `
MATCH (p:Person {email: $email})
WITH p ORDER BY p.id LIMIT 1
SET p.email = coalesce(p.email, $email), p.phone = coalesce(p.phone, $phone), p.jobTitle = coalesce(p.jobTitle, $jobTitle)
RETURN p.id AS id`;

/** A contact by name among the SME's contacts; missing details are filled in. */
export const FIND_CONTACT_OF_SME_BY_NAME = /* cypher */ `
MATCH (p:Person)-[:CONTACT_FOR]->(:Sme {id: $smeId}) WHERE toLower(trim(p.name)) = $nameKey
WITH p ORDER BY p.id LIMIT 1
SET p.email = coalesce(p.email, $email), p.phone = coalesce(p.phone, $phone), p.jobTitle = coalesce(p.jobTitle, $jobTitle)
RETURN p.id AS id`;

/** $id is derived from the SME and the name, so concurrent intakes make one contact. */
export const MERGE_CONTACT = /* cypher */ `
MERGE (p:Person {id: $id})
ON CREATE SET p.name = $name, p.email = $email, p.phone = $phone, p.jobTitle = $jobTitle
RETURN p.id AS id`;

export const LINK_CONTACT_TO_SME = /* cypher */ `
MATCH (p:Person {id: $id}), (s:Sme {id: $smeId})
MERGE (p)-[:CONTACT_FOR]->(s)`;

/** The referring person named at an intake, and whether they work at the referring partner. */
export const READ_REFERRING_PERSON = /* cypher */ `
MATCH (p:Person {id: $personId})
RETURN p.name AS name, EXISTS { (p)-[:WORKS_AT]->(:Partner {id: $partnerId}) } AS worksAtPartner`;

/** A referral belongs to the case (a second intake of one SME through another partner is a second referral). */
export const LINK_REFERRING_PARTNER = /* cypher */ `
MATCH (p:Partner {id: $partnerId}), (k:Case {id: $caseId})
CREATE (p)-[:REFERRED {date: date($date), by: $by}]->(k)`;

export const CREATE_CASE = /* cypher */ `
MATCH (s:Sme {id: $smeId})
CREATE (s)-[:ASKED]->(k:Case {
  id: $caseId, title: $title, question: $question, topics: $topics, wantedLevels: $wantedLevels,
  effort: $effort, earliestStart: date($earliestStart), deadline: date($deadline),
  status: $status, created: datetime($now)
})
WITH k
OPTIONAL MATCH (c:Person {id: $coordinatorId})
FOREACH (_ IN CASE WHEN c IS NULL THEN [] ELSE [1] END | CREATE (k)-[:HANDLED_BY]->(c))`;

// ---- The public question form (issue #18 part 1) --------------------------------------------

/** A self-submitted case: how it came in, the consent with its exact wording and date, how they heard of us. */
export const MARK_SELF_SUBMITTED = /* cypher */ `
MATCH (k:Case {id: $caseId})
SET k.selfSubmitted = true, k.heardOf = $heardOf, k.submissionLanguage = $language,
    k.consentVersion = $consentVersion, k.consentText = $consentText, k.consentAt = datetime($now)`;

/** The partners an SME can say it heard of us through: names only, at most 50. */
export const READ_PUBLIC_PARTNERS = /* cypher */ `
MATCH (p:Partner)
RETURN p.id AS id, p.name AS name, p.kind AS kind
ORDER BY toLower(p.name), p.id
LIMIT 50`;

/** What a status link shows: title, state, since when, received when (instants; the dates are Amsterdam's, read-public-status.ts). Nothing else of the case. */
export const READ_PUBLIC_CASE_STATUS = /* cypher */ `
MATCH (k:Case {id: $id})
WITH k, head(COLLECT { MATCH (k)-[:HAD_EVENT]->(e:CaseEvent) RETURN e.at ORDER BY e.at DESC }) AS lastChange
RETURN k.title AS title, k.status AS status, toString(k.created) AS receivedAt,
       toString(coalesce(lastChange, k.created)) AS sinceAt`;

// ---- Sprints and milestones -----------------------------------------------------------------

/** The supervisor named for a match is a person. */
export const READ_SUPERVISOR = /* cypher */ `
MATCH (t:Person {id: $id})
RETURN t.id AS id`;

/** The default supervisor: the latest teacher who said INTERESTED to the case for the course, and the course's teachers. */
export const READ_SUPERVISOR_CANDIDATES = /* cypher */ `
MATCH (c:Course {id: $courseId})
OPTIONAL CALL (c) {
  MATCH (:Case {id: $caseId})<-[:OF_CASE]-(p:Proposal {answer: 'INTERESTED'})-[:FOR_COURSE]->(c), (p)-[:TO_TEACHER]->(t:Person)
  RETURN t.id AS interested ORDER BY p.answeredAt DESC LIMIT 1
}
RETURN interested, COLLECT { MATCH (c)<-[:TEACHES]-(t:Person) RETURN t.id } AS teachers`;

/** A PLANNED sprint of the case in the course and period; the team level defaults to the course's institution kind. */
export const CREATE_SPRINT = /* cypher */ `
MATCH (k:Case {id: $caseId}), (c:Course {id: $courseId}), (p:TeachingPeriod {id: $periodId})
OPTIONAL MATCH (c)-[:PART_OF]->(:Programme)-[:OFFERED_BY]->(i:Institution)
WITH k, c, p, head(collect(i.kind)) AS courseLevel
CREATE (s:Sprint {id: $sprintId, status: 'PLANNED', teamSize: $teamSize, teamLevel: coalesce($teamLevel, courseLevel),
                  startDate: p.startDate, endDate: p.endDate})
CREATE (s)-[:FOR_CASE]->(k), (s)-[:IN_COURSE]->(c), (s)-[:IN_PERIOD]->(p)
WITH s
OPTIONAL MATCH (t:Person {id: $supervisorId})
FOREACH (_ IN CASE WHEN t IS NULL THEN [] ELSE [1] END | CREATE (s)-[:SUPERVISED_BY]->(t))`;

export const READ_CASE_OF_SPRINT = /* cypher */ `
MATCH (:Sprint {id: $id})-[:FOR_CASE]->(k:Case)
RETURN k.id AS caseId`;

export const READ_SPRINT_STATUS = /* cypher */ `
MATCH (s:Sprint {id: $id})
RETURN s.status AS status`;

/** When the sprint's teaching period starts (its own start date when the period has none), for startSprint's check. */
export const READ_SPRINT_PERIOD_START = /* cypher */ `
MATCH (s:Sprint {id: $id})
OPTIONAL MATCH (s)-[:IN_PERIOD]->(tp:TeachingPeriod)
WITH s, tp ORDER BY tp.startDate LIMIT 1
RETURN toString(coalesce(tp.startDate, s.startDate)) AS startDate, tp.name AS periodName`;

export const START_SPRINT = /* cypher */ `
MATCH (s:Sprint {id: $id})
SET s.status = 'RUNNING'`;

export const COMPLETE_SPRINT = /* cypher */ `
MATCH (s:Sprint {id: $id})
SET s.status = 'COMPLETED', s.outcome = $outcome, s.smeRating = $smeRating, s.smeFeedback = $smeFeedback,
    s.teacherFeedback = $teacherFeedback, s.followUpWanted = $followUpWanted, s.completedAt = datetime($now)`;

/** A sprint with its case, course, period, supervisor and milestones (by due date, then title). */
export const READ_SPRINT = /* cypher */ `
MATCH (s:Sprint {id: $id})-[:FOR_CASE]->(k:Case)
OPTIONAL MATCH (s)-[:IN_COURSE]->(c:Course)
OPTIONAL MATCH (s)-[:IN_PERIOD]->(p:TeachingPeriod)
OPTIONAL MATCH (s)-[:SUPERVISED_BY]->(t:Person)
RETURN s.id AS id, s.status AS status, k.id AS caseId, k.status AS caseStatus, c.id AS courseId, c.name AS courseName,
       p.id AS periodId, p.name AS periodName, toString(s.startDate) AS startDate, toString(s.endDate) AS endDate,
       s.teamSize AS teamSize, s.teamLevel AS teamLevel, t.id AS supervisorId, t.name AS supervisorName,
       s.outcome AS outcome, s.smeRating AS smeRating, s.smeFeedback AS smeFeedback, s.teacherFeedback AS teacherFeedback,
       s.followUpWanted AS followUpWanted,
       COLLECT { MATCH (s)-[:HAS_MILESTONE]->(m:Milestone)
                 RETURN {id: m.id, sprintId: s.id, title: m.title, due: toString(m.due), done: m.done} AS m
                 ORDER BY m.due, m.title } AS milestones
LIMIT 1`;

export const CREATE_MILESTONE = /* cypher */ `
MATCH (s:Sprint {id: $sprintId})
CREATE (s)-[:HAS_MILESTONE]->(:Milestone {id: $id, title: $title, due: date($due), done: false})`;

export const READ_MILESTONE = /* cypher */ `
MATCH (s:Sprint)-[:HAS_MILESTONE]->(m:Milestone {id: $id})
RETURN s.id AS sprintId, s.status AS sprintStatus, m.title AS title, toString(m.due) AS due, m.done AS done`;

export const COMPLETE_MILESTONE = /* cypher */ `
MATCH (m:Milestone {id: $id})
SET m.done = true, m.doneAt = datetime($now)`;

// ---- Reading cases --------------------------------------------------------------------------

/** A case made through the generated CRUD has no timeline events: this tells it apart from no case. */
export const READ_CASE_EXISTS = /* cypher */ `
MATCH (k:Case {id: $id})
RETURN k.id AS id`;

/**
 * The case's history, oldest first: its status changes with the proposals sent and answered in
 * between, follow-ups on proposals and withdrawals; at one instant a proposal is sent (rank 0), the status
 * changes (1), a proposal is answered, followed up or withdrawn (2).
 */
export const READ_CASE_TIMELINE = /* cypher */ `
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
ORDER BY instant, rank`;

/** Which of the case board's optional filters are given (each becomes a predicate on its own parameter). */
export interface CaseBoardVariant {
  institution?: boolean;
  topic?: boolean;
  level?: boolean;
  partner?: boolean;
  coordinator?: boolean;
  search?: boolean;
  /** One column's cards only ($status). */
  status?: boolean;
  /** A page after a cursor ($afterCreated, $afterId). */
  after?: boolean;
}

/**
 * The case board in one statement: the count per status column for the filter, and one page of
 * cards (newest first, keyset-paginated on created + id, read in the order of the `created` index)
 * with SME, partner, coordinator, open proposals and, for cases still being matched ($suggesting),
 * the stored suggestion count. Each filter given adds its predicate on `k`, bound to a parameter.
 */
export function readCaseBoardStatement(variant: CaseBoardVariant): string {
  const filters = [
    ...(variant.institution
      ? [
          `(EXISTS { (k)<-[:OF_CASE]-(:Proposal)-[:FOR_COURSE]->(:Course)-[:PART_OF]->(:Programme)-[:OFFERED_BY]->(:Institution {id: $institution}) }
         OR EXISTS { (k)<-[:FOR_CASE]-(:Sprint)-[:IN_COURSE]->(:Course)-[:PART_OF]->(:Programme)-[:OFFERED_BY]->(:Institution {id: $institution}) })`,
        ]
      : []),
    ...(variant.topic ? ["EXISTS { (k)-[:ABOUT]->(t:Topic) WHERE t.id IN $topicIds }"] : []),
    ...(variant.level ? ["$level IN coalesce(k.wantedLevels, [])"] : []),
    ...(variant.partner ? ["EXISTS { (k)<-[:REFERRED]-(:Partner {id: $partner}) }"] : []),
    ...(variant.coordinator ? ["EXISTS { (k)-[:HANDLED_BY]->(:Person {id: $coordinator}) }"] : []),
    ...(variant.search
      ? ["(toLower(k.title) CONTAINS $search OR EXISTS { (k)<-[:ASKED]-(s:Sme) WHERE toLower(s.name) CONTAINS $search })"]
      : []),
  ];
  const columnsWhere = ["k.status IS NOT NULL", ...filters].join("\n    AND ");
  // created <= cursor is a range the index can seek; the OR then settles ties on created by id.
  const pageWhere = [
    "k.created IS NOT NULL",
    ...filters,
    ...(variant.status ? ["k.status = $status"] : []),
    ...(variant.after
      ? ["k.created <= datetime($afterCreated)", "(k.created < datetime($afterCreated) OR k.id < $afterId)"]
      : []),
  ].join("\n    AND ");
  return /* cypher */ `
CALL () {
  MATCH (k:Case) WHERE ${columnsWhere}
  RETURN k.status AS status, count(*) AS n
}
WITH collect({status: status, count: n}) AS columns
CALL () {
  MATCH (k:Case) WHERE ${pageWhere}
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
RETURN columns, cards`;
}

/** The case's status, for the steps it may take from there (caseWorkflow). */
export const READ_CASE_STATUS = /* cypher */ `
MATCH (k:Case {id: $id})
RETURN k.status AS status, toString(k.earliestStart) AS earliestStart, toString(k.deadline) AS deadline,
       toString(coalesce(head(COLLECT { MATCH (k)-[:HAD_EVENT]->(e:CaseEvent) WHERE e.to = k.status RETURN e.at ORDER BY e.at DESC }),
                         k.created)) AS stateSince`;

// ---- Migrations at start (idempotent: a second run finds nothing to do) -----------------------

/**
 * Referrals used to hang on the SME. Each case of such an SME without a referral of its own gets
 * one: the SME's referral dated on or before the case's creation (the latest such), else its
 * earliest. The SME's referrals then go — for SMEs with cases; one with none keeps its referral.
 */
export const MIGRATE_SME_REFERRALS_TO_CASES = /* cypher */ `
MATCH (s:Sme)<-[:REFERRED]-(:Partner) WHERE EXISTS { (s)-[:ASKED]->(:Case) }
WITH DISTINCT s
CALL (s) {
  MATCH (s)-[:ASKED]->(k:Case) WHERE NOT EXISTS { (k)<-[:REFERRED]-(:Partner) }
  CALL (s, k) {
    MATCH (s)<-[r:REFERRED]-(p:Partner)
    WITH p, r, coalesce(r.date <= date(k.created), false) AS before
    RETURN p, r ORDER BY before DESC, CASE WHEN before THEN r.date END DESC, r.date, p.id LIMIT 1
  }
  CREATE (p)-[:REFERRED {date: r.date, by: r.by}]->(k)
  RETURN count(k) AS moved
}
CALL (s) {
  MATCH (s)<-[r:REFERRED]-(:Partner)
  DELETE r
  RETURN count(r) AS dropped
}
RETURN sum(moved) AS moved, sum(dropped) AS dropped`;

/**
 * Proposals left unanswered when their case was matched or closed (before that withdrew them): each
 * still open at the case's first MATCHED or CLOSED event is withdrawn as of that event (as of $now
 * for a case without one, e.g. made through the generated API), by whoever made that event.
 */
export const MIGRATE_WITHDRAW_STALE_PROPOSALS = /* cypher */ `
MATCH (k:Case) WHERE k.status IN ['MATCHED', 'IN_SPRINT', 'COMPLETED', 'CLOSED']
  AND EXISTS { (k)<-[:OF_CASE]-(p:Proposal) WHERE p.answer IS NULL AND p.withdrawnAt IS NULL }
CALL (k) {
  OPTIONAL MATCH (k)-[:HAD_EVENT]->(e:CaseEvent) WHERE e.to IN ['MATCHED', 'CLOSED']
  WITH k, e ORDER BY e.at LIMIT 1
  RETURN coalesce(e.at, datetime($now)) AS at, e.by AS by,
         CASE coalesce(e.to, CASE k.status WHEN 'CLOSED' THEN 'CLOSED' ELSE 'MATCHED' END)
           WHEN 'CLOSED' THEN 'CASE_CLOSED' ELSE 'CASE_MATCHED' END AS reason
}
MATCH (k)<-[:OF_CASE]-(p:Proposal)
WHERE p.answer IS NULL AND p.withdrawnAt IS NULL AND p.expiresAt >= at
SET p.withdrawnAt = CASE WHEN p.sentAt > at THEN p.sentAt ELSE at END, p.withdrawnReason = reason, p.withdrawnBy = by
RETURN count(p) AS withdrawn`;

/**
 * The Cypher of proposals and teacher digests, each statement whole.
 * Snapshots: tests/snapshots/cypher/proposals/.
 */

/** A proposal that answerProposal has just locked, with whether $answeredAt is after it expired or before it was sent. */
export const READ_PROPOSAL_TO_ANSWER = /* cypher */ `
MATCH (p:Proposal {id: $id})
RETURN p.answer AS answer, toString(p.sentAt) AS sentAt, toString(p.expiresAt) AS expiresAt, p.withdrawnReason AS withdrawnReason,
       datetime($answeredAt) > p.expiresAt AS expired, datetime($answeredAt) < p.sentAt AS early`;

export const ANSWER_PROPOSAL = /* cypher */ `
MATCH (p:Proposal {id: $id})
SET p.answer = $answer, p.answeredAt = datetime($answeredAt), p.declineReason = $declineReason, p.answeredBy = $by`;

export const CREATE_PROPOSAL = /* cypher */ `
MATCH (k:Case {id: $caseId}), (t:Person {id: $teacherId}), (c:Course {id: $courseId})
CREATE (p:Proposal {id: $id, sentAt: datetime($sentAt), channel: $channel,
                    expiresAt: datetime($sentAt) + duration({days: toInteger($expiryDays)}), sentBy: $by,
                    deliveryStatus: $delivery})
CREATE (p)-[:OF_CASE]->(k), (p)-[:TO_TEACHER]->(t), (p)-[:FOR_COURSE]->(c)`;

/** Whether the teacher and the course exist and the teacher teaches it. */
export const READ_TEACHER_OF_COURSE = /* cypher */ `
OPTIONAL MATCH (t:Person {id: $teacherId}) OPTIONAL MATCH (c:Course {id: $courseId})
RETURN t IS NOT NULL AS teacher, c IS NOT NULL AS course, t.name AS teacherName, c.name AS courseName,
       EXISTS { (t)-[:TEACHES]->(c) } AS teaches`;

/** The latest proposal of the case to the teacher within $days of $sentAt (either side): the cooldown. */
export const READ_PROPOSAL_IN_COOLDOWN = /* cypher */ `
MATCH (:Case {id: $caseId})<-[:OF_CASE]-(p:Proposal)-[:TO_TEACHER]->(t:Person {id: $teacherId})
WHERE p.sentAt > datetime($sentAt) - duration({days: toInteger($days)}) AND p.sentAt < datetime($sentAt) + duration({days: toInteger($days)})
RETURN toString(p.sentAt) AS sentAt, toString(p.sentAt + duration({days: toInteger($days)})) AS until, t.name AS teacher
ORDER BY p.sentAt DESC LIMIT 1`;

/** Proposals by id, newest first, each with its state as of $now. */
export const READ_PROPOSALS_BY_ID = /* cypher */ `
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
ORDER BY p.sentAt DESC, p.id`;

/** The proposals of one case, as READ_PROPOSALS_BY_ID. */
export const READ_PROPOSALS_OF_CASE = /* cypher */ `
MATCH (:Case {id: $caseId})<-[:OF_CASE]-(p:Proposal)
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
ORDER BY p.sentAt DESC, p.id`;

/**
 * A teacher's digest settings, the courses they teach that an agreement valid on $date covers
 * (the course's own, its programme's or its institution's), and the workspace names.
 */
export const READ_DIGEST_TEACHER = /* cypher */ `
MATCH (t:Person {id: $teacherId})
RETURN t.name AS name, t.email AS email, t.language AS language, t.digestEveryDays AS every,
       toString(t.lastDigestSentOn) AS lastSentOn, t.erasedAt IS NOT NULL AS erased,
       COLLECT { MATCH (t)-[:TEACHES]->(c:Course)
                 WHERE (EXISTS { MATCH (a:Agreement)-[:COVERS]->(c) WHERE a.validFrom <= date($date) AND (a.validTo IS NULL OR a.validTo >= date($date)) }
                        OR EXISTS { MATCH (a:Agreement)-[:COVERS]->(:Programme)<-[:PART_OF]-(c) WHERE a.validFrom <= date($date) AND (a.validTo IS NULL OR a.validTo >= date($date)) }
                        OR EXISTS { MATCH (a:Agreement)-[:COVERS]->(:Institution)<-[:OFFERED_BY]-(:Programme)<-[:PART_OF]-(c) WHERE a.validFrom <= date($date) AND (a.validTo IS NULL OR a.validTo >= date($date)) })
                 RETURN c.id } AS courseIds,
       COLLECT { MATCH (w:Workspace) RETURN w.name ORDER BY w.name } AS workspaces`;

/** The cases of a digest, with their SMEs, and their topics as the vocabulary's labels in both languages (issue #15). */
export const READ_DIGEST_CASES = /* cypher */ `
UNWIND $ids AS id MATCH (k:Case {id: id})
OPTIONAL MATCH (k)<-[:ASKED]-(s:Sme)
RETURN k.id AS id, k.title AS title, k.question AS question, k.topics AS topics,
       COLLECT { MATCH (k)-[:ABOUT]->(t:Topic) RETURN {nl: t.labelNl, en: t.labelEn} ORDER BY t.id } AS topicLabels,
       k.wantedLevels AS wantedLevels,
       k.effort AS effort, toString(k.earliestStart) AS earliestStart, toString(k.deadline) AS deadline,
       s.name AS smeName, s.city AS smeCity`;

/**
 * Teachers whose digest is due on $date: they have a rhythm, the last one went out at least that
 * many days ago, and they teach a course an agreement valid on $date covers (as in READ_DIGEST_TEACHER).
 */
export const READ_TEACHERS_WITH_DIGEST_DUE = /* cypher */ `
MATCH (t:Person) WHERE t.digestEveryDays IS NOT NULL
  AND (t.lastDigestSentOn IS NULL OR t.lastDigestSentOn + duration({days: t.digestEveryDays}) <= date($date))
  AND EXISTS { MATCH (t)-[:TEACHES]->(c:Course)
               WHERE (EXISTS { MATCH (a:Agreement)-[:COVERS]->(c) WHERE a.validFrom <= date($date) AND (a.validTo IS NULL OR a.validTo >= date($date)) }
                      OR EXISTS { MATCH (a:Agreement)-[:COVERS]->(:Programme)<-[:PART_OF]-(c) WHERE a.validFrom <= date($date) AND (a.validTo IS NULL OR a.validTo >= date($date)) }
                      OR EXISTS { MATCH (a:Agreement)-[:COVERS]->(:Institution)<-[:OFFERED_BY]-(:Programme)<-[:PART_OF]-(c) WHERE a.validFrom <= date($date) AND (a.validTo IS NULL OR a.validTo >= date($date)) }) }
RETURN t.id AS id ORDER BY t.name, t.id`;

/** A digest logged for an earlier day does not move the rhythm back. */
export const MARK_DIGEST_SENT = /* cypher */ `
MATCH (t:Person {id: $id})
SET t.lastDigestSentOn = CASE WHEN t.lastDigestSentOn IS NULL OR t.lastDigestSentOn < date($date) THEN date($date) ELSE t.lastDigestSentOn END`;

/**
 * A follow-up on a proposal (a reminder sent, a phone call): its own node, so it is neither a new
 * proposal nor a new sentAt for the cooldown.
 */
export const CREATE_PROPOSAL_FOLLOW_UP = /* cypher */ `
MATCH (p:Proposal {id: $proposalId})
CREATE (p)-[:HAD_FOLLOW_UP]->(:ProposalFollowUp {id: $id, channel: $channel, note: $note, at: datetime($at), by: $by})`;

// --- Sending by e-mail (docs/mail.md) ---

/** The message that carries these proposals; a digest's message also remembers the digest's date. */
export const LINK_MESSAGE_TO_PROPOSALS = /* cypher */ `
MATCH (m:MailMessage {id: $messageId})
SET m.digestDate = CASE WHEN $digestDate IS NULL THEN null ELSE date($digestDate) END
WITH m UNWIND $proposalIds AS proposalId MATCH (p:Proposal {id: proposalId})
CREATE (m)-[:CARRIES]->(p)`;

/**
 * The message went out (or into the outbox): its proposals count from now — sentAt and expiry move to
 * the moment of delivery, so a retried digest gives the teacher the full PROPOSAL_EXPIRY_DAYS.
 */
export const MARK_PROPOSALS_DELIVERED = /* cypher */ `
MATCH (m:MailMessage {id: $messageId})-[:CARRIES]->(p:Proposal)
SET p.deliveryStatus = $status, p.deliveryError = null, p.sentAt = datetime($sentAt),
    p.expiresAt = datetime($sentAt) + duration({days: toInteger($expiryDays)})
WITH m, p MATCH (p)-[:OF_CASE]->(k:Case)
RETURN p.id AS proposalId, k.id AS caseId, m.digestDate IS NOT NULL AS digest, toString(m.digestDate) AS digestDate`;

/** An attempt failed: the error on each proposal; after the last attempt they are withdrawn (NOT_DELIVERED). */
export const MARK_PROPOSALS_FAILED = /* cypher */ `
MATCH (m:MailMessage {id: $messageId})-[:CARRIES]->(p:Proposal)
SET p.deliveryStatus = 'FAILED', p.deliveryError = $error
WITH p WHERE $gaveUp AND p.answer IS NULL AND p.withdrawnAt IS NULL
SET p.withdrawnAt = datetime($now), p.withdrawnReason = 'NOT_DELIVERED'`;

/** Moves the teacher's digest rhythm on (never backwards): the digest went out. */
export const MARK_DIGEST_DELIVERED = /* cypher */ `
MATCH (m:MailMessage {id: $messageId})-[:TO_PERSON]->(t:Person)
SET t.lastDigestSentOn = CASE WHEN t.lastDigestSentOn IS NULL OR t.lastDigestSentOn < m.digestDate THEN m.digestDate ELSE t.lastDigestSentOn END`;

/** A digest of this teacher still on its way (queued, being sent, or waiting for a retry): no second one meanwhile. */
export const READ_DIGEST_UNDER_WAY = /* cypher */ `
MATCH (m:MailMessage {kind: 'DIGEST'})-[:TO_PERSON]->(:Person {id: $teacherId})
WHERE m.status IN ['QUEUED', 'SENDING', 'FAILED']
RETURN m.id AS id LIMIT 1`;

/** What a message carries, to decide which owner hook runs after an attempt. */
export const READ_MESSAGE_KIND = /* cypher */ `
MATCH (m:MailMessage {id: $messageId}) RETURN m.kind AS kind`;

/** A proposal an answer link names, with its teacher and whether it can still be answered. */
export const READ_PROPOSAL_FOR_LINK = /* cypher */ `
MATCH (p:Proposal {id: $proposalId})-[:TO_TEACHER]->(t:Person)
MATCH (p)-[:OF_CASE]->(k:Case)
RETURN t.id AS teacherId, t.name AS teacherName, k.title AS caseTitle, p.answer AS answer, p.withdrawnReason AS withdrawnReason,
       p.expiresAt < datetime($now) AS expired, toString(p.expiresAt) AS expiresAt, t.erasedAt IS NOT NULL AS erased`;

/** Which link answered: the proposal keeps the link's id (single use) and that the teacher answered by e-mail. */
export const RECORD_ANSWER_LINK = /* cypher */ `
MATCH (p:Proposal {id: $proposalId})
SET p.answeredVia = 'EMAIL_LINK', p.answerLinkId = $linkId`;

/**
 * Open proposals that expire within $days and had no reminder yet, to reachable teachers, and whose
 * e-mail went out (or that were proposed by hand).
 */
export const READ_PROPOSALS_TO_REMIND = /* cypher */ `
MATCH (p:Proposal)-[:TO_TEACHER]->(t:Person)
WHERE p.answer IS NULL AND p.withdrawnAt IS NULL AND p.reminderSentAt IS NULL
  AND p.expiresAt > datetime($now) AND p.expiresAt <= datetime($now) + duration({days: toInteger($days)})
  AND (p.deliveryStatus IS NULL OR p.deliveryStatus IN ['SENT', 'OUTBOX'])
  AND t.erasedAt IS NULL AND t.email IS NOT NULL
MATCH (p)-[:OF_CASE]->(k:Case) WHERE k.status IN ['QUALIFIED', 'PROPOSED']
OPTIONAL MATCH (p)-[:FOR_COURSE]->(c:Course)
OPTIONAL MATCH (k)<-[:ASKED]-(s:Sme)
RETURN p.id AS proposalId, toString(p.expiresAt) AS expiresAt, toString(p.sentAt) AS sentAt, t.id AS teacherId, t.name AS teacherName,
       t.email AS email, t.language AS language, k.id AS caseId, k.title AS caseTitle, c.name AS courseName, s.name AS smeName
ORDER BY p.expiresAt, p.id LIMIT 200`;

/** The reminder is on its way: never a second one for this proposal. A follow-up records it in the timeline. */
export const MARK_REMINDED = /* cypher */ `
MATCH (p:Proposal {id: $proposalId}), (m:MailMessage {id: $messageId})
SET p.reminderSentAt = datetime($now)
CREATE (m)-[:REMINDS]->(p)
CREATE (p)-[:HAD_FOLLOW_UP]->(:ProposalFollowUp {id: $followUpId, channel: 'EMAIL', note: $note, at: datetime($now), by: null})`;

/** Whether the schedule is paused, and by whom. */
export const READ_DIGEST_SCHEDULE = /* cypher */ `
OPTIONAL MATCH (s:DigestSchedule {id: 'digest-schedule'})
RETURN coalesce(s.paused, false) AS paused, toString(s.changedAt) AS changedAt, s.changedBy AS changedBy,
       toString(s.lastRunAt) AS lastRunAt, s.lastRunSummary AS lastRunSummary`;

export const SET_DIGEST_SCHEDULE_PAUSED = /* cypher */ `
MERGE (s:DigestSchedule {id: 'digest-schedule'})
SET s.paused = $paused, s.changedAt = datetime($now), s.changedBy = $by`;

export const RECORD_SCHEDULE_RUN = /* cypher */ `
MERGE (s:DigestSchedule {id: 'digest-schedule'})
SET s.lastRunAt = datetime($now), s.lastRunSummary = $summary`;

/** Teachers with a rhythm and an agreement a message cannot reach: erased, or no e-mail address. */
export const READ_UNREACHABLE_TEACHERS = /* cypher */ `
MATCH (t:Person) WHERE t.digestEveryDays IS NOT NULL AND (t.erasedAt IS NOT NULL OR t.email IS NULL OR NOT t.email CONTAINS '@')
  AND EXISTS { MATCH (t)-[:TEACHES]->(:Course) }
RETURN t.id AS teacherId, t.name AS teacherName, CASE WHEN t.erasedAt IS NOT NULL THEN 'ERASED' ELSE 'NO_EMAIL' END AS why
ORDER BY t.name, t.id`;

// --- The coordinator's to-do list (docs/mail.md, "The to-do list") ---

/** Open proposals that expire within $days, of the coordinator's cases ($coordinator null: every case). */
export const TODO_EXPIRING_PROPOSALS = /* cypher */ `
MATCH (p:Proposal)-[:OF_CASE]->(k:Case)
WHERE p.answer IS NULL AND p.withdrawnAt IS NULL AND p.expiresAt > datetime($now)
  AND p.expiresAt <= datetime($now) + duration({days: toInteger($days)})
  AND ($coordinator IS NULL OR EXISTS { (k)-[:HANDLED_BY]->(:Person {id: $coordinator}) })
MATCH (p)-[:TO_TEACHER]->(t:Person)
RETURN p.id AS proposalId, k.id AS caseId, k.title AS caseTitle, t.name AS teacherName, toString(p.expiresAt) AS at,
       p.reminderSentAt IS NOT NULL AS reminded
ORDER BY p.expiresAt, p.id LIMIT 100`;

/** Proposals that expired unanswered within the last $expiredDays days while their case is still waiting for a match. */
export const TODO_EXPIRED_PROPOSALS = /* cypher */ `
MATCH (p:Proposal)-[:OF_CASE]->(k:Case)
WHERE p.answer IS NULL AND p.withdrawnAt IS NULL AND p.expiresAt <= datetime($now)
  AND p.expiresAt > datetime($now) - duration({days: toInteger($expiredDays)}) AND k.status IN ['QUALIFIED', 'PROPOSED']
  AND ($coordinator IS NULL OR EXISTS { (k)-[:HANDLED_BY]->(:Person {id: $coordinator}) })
MATCH (p)-[:TO_TEACHER]->(t:Person)
RETURN p.id AS proposalId, k.id AS caseId, k.title AS caseTitle, t.name AS teacherName, toString(p.expiresAt) AS at
ORDER BY p.expiresAt DESC, p.id LIMIT 100`;

/** INTERESTED answers on cases not matched yet: the coordinator's move (a claim still to confirm has a list of its own). */
export const TODO_ANSWERS_TO_ACT_ON = /* cypher */ `
MATCH (p:Proposal {answer: 'INTERESTED'})-[:OF_CASE]->(k:Case)
WHERE k.status IN ['QUALIFIED', 'PROPOSED'] AND NOT coalesce(p.claimState, '') IN ['DECLINED', 'PENDING']
  AND ($coordinator IS NULL OR EXISTS { (k)-[:HANDLED_BY]->(:Person {id: $coordinator}) })
MATCH (p)-[:TO_TEACHER]->(t:Person)
OPTIONAL MATCH (p)-[:FOR_COURSE]->(c:Course)
RETURN p.id AS proposalId, k.id AS caseId, k.title AS caseTitle, t.name AS teacherName, c.name AS courseName,
       toString(p.answeredAt) AS at, p.answeredVia AS via
ORDER BY p.answeredAt, p.id LIMIT 100`;

/**
 * Claims from the institution portal (#18) waiting for a coordinator to confirm or decline them: on the coordinator's
 * cases, and on cases nobody handles yet (else no one's list would show them), the oldest first.
 */
export const TODO_CLAIMS_TO_CONFIRM = /* cypher */ `
MATCH (p:Proposal {origin: 'CLAIM', claimState: 'PENDING'})-[:OF_CASE]->(k:Case)
WHERE p.withdrawnAt IS NULL AND k.status IN ['QUALIFIED', 'PROPOSED']
  AND ($coordinator IS NULL OR EXISTS { (k)-[:HANDLED_BY]->(:Person {id: $coordinator}) }
       OR NOT EXISTS { (k)-[:HANDLED_BY]->(:Person) })
MATCH (p)-[:TO_TEACHER]->(t:Person)
OPTIONAL MATCH (p)-[:FOR_COURSE]->(c:Course)
RETURN p.id AS proposalId, k.id AS caseId, k.title AS caseTitle, t.name AS claimerName, c.name AS courseName,
       toString(p.sentAt) AS at
ORDER BY p.sentAt, p.id LIMIT 100`;

/** Completed sprints whose SME wants a follow-up, while no later case of that SME exists. */
export const TODO_FOLLOW_UPS_WANTED = /* cypher */ `
MATCH (s:Sprint {status: 'COMPLETED', followUpWanted: true})-[:FOR_CASE]->(k:Case)
WHERE $coordinator IS NULL OR EXISTS { (k)-[:HANDLED_BY]->(:Person {id: $coordinator}) }
OPTIONAL MATCH (k)<-[:ASKED]-(sme:Sme)
WITH s, k, sme WHERE sme IS NULL OR NOT EXISTS { MATCH (sme)-[:ASKED]->(later:Case) WHERE later.created > coalesce(s.completedAt, k.created) }
RETURN s.id AS sprintId, k.id AS caseId, k.title AS caseTitle, sme.name AS smeName, toString(s.completedAt) AS at
ORDER BY s.completedAt, s.id LIMIT 100`;

/** Messages that failed (waiting for a retry), were given up, or stayed SENDING (a process stopped mid-attempt). */
export const TODO_FAILED_MESSAGES = /* cypher */ `
MATCH (m:MailMessage) WHERE m.status IN ['FAILED', 'GAVE_UP'] OR (m.status = 'SENDING' AND m.claimedAt < datetime($now) - duration('PT10M'))
OPTIONAL MATCH (m)-[:TO_PERSON]->(t:Person)
RETURN m.id AS messageId, m.kind AS kind, m.status AS status, t.name AS teacherName, m.lastError AS error, m.attempts AS attempts,
       toString(coalesce(m.nextAttemptAt, m.lastAttemptAt, m.createdAt)) AS at
ORDER BY m.createdAt, m.id LIMIT 100`;

/** Per open state, the cases waiting longest since their last status change. */
export const TODO_LONGEST_WAITING = /* cypher */ `
UNWIND ['INTAKE', 'QUALIFIED', 'PROPOSED', 'MATCHED', 'IN_SPRINT'] AS state
CALL (state) {
  MATCH (k:Case {status: state})
  WHERE $coordinator IS NULL OR EXISTS { (k)-[:HANDLED_BY]->(:Person {id: $coordinator}) }
  WITH k, coalesce(head(COLLECT { MATCH (k)-[:HAD_EVENT]->(e:CaseEvent) RETURN e.at ORDER BY e.at DESC }), k.created) AS since
  RETURN k, since ORDER BY since, k.id LIMIT 3
}
RETURN state, k.id AS caseId, k.title AS caseTitle, toString(since) AS at,
       duration.inDays(since, datetime($now)).days AS days`;

// --- The institution portal's proposals in the other direction (issue #18): claims and forwards ---------------------

/**
 * A claim: "this one is for us", from a course to a case, by a person of the institution portal. Stored as a Proposal
 * (so every proposals list, the timeline and the to-do list show it) whose answer is the claimer's own INTERESTED, made
 * through the portal (answeredVia CLAIM), waiting for a coordinator to confirm or decline it (claimState PENDING).
 */
export const CREATE_CLAIM = /* cypher */ `
MATCH (k:Case {id: $caseId}), (t:Person {id: $personId}), (c:Course {id: $courseId})
CREATE (p:Proposal {id: $id, origin: 'CLAIM', sentAt: datetime($now), channel: 'WEBSITE',
                    expiresAt: datetime($now) + duration({days: toInteger($expiryDays)}), sentBy: $personId,
                    answer: 'INTERESTED', answeredAt: datetime($now), answeredBy: $personId, answeredVia: 'CLAIM',
                    claimState: 'PENDING', claimNote: $note})
CREATE (p)-[:OF_CASE]->(k), (p)-[:TO_TEACHER]->(t), (p)-[:FOR_COURSE]->(c)`;

/** A claim of the case for the course that is pending or confirmed (a second one is refused). */
export const READ_LIVE_CLAIM = /* cypher */ `
MATCH (:Case {id: $caseId})<-[:OF_CASE]-(p:Proposal {origin: 'CLAIM'})-[:FOR_COURSE]->(:Course {id: $courseId})
WHERE p.claimState IN ['PENDING', 'CONFIRMED']
RETURN p.id AS id, p.claimState AS claimState LIMIT 1`;

/**
 * A forward: a portal user passes a case on to a colleague. A Proposal to the colleague (open, as one a coordinator
 * sends), sent by the forwarder, without a course unless the colleague teaches a fitting one.
 */
export const CREATE_FORWARD = /* cypher */ `
MATCH (k:Case {id: $caseId}), (t:Person {id: $colleagueId})
CREATE (p:Proposal {id: $id, origin: 'FORWARD', sentAt: datetime($now), channel: 'WARM_INTRODUCTION',
                    expiresAt: datetime($now) + duration({days: toInteger($expiryDays)}), sentBy: $forwarderId,
                    forwardedBy: $forwarderId, forwardNote: $note})
CREATE (p)-[:OF_CASE]->(k), (p)-[:TO_TEACHER]->(t)
WITH p
OPTIONAL MATCH (c:Course {id: $courseId})
FOREACH (_ IN CASE WHEN c IS NULL THEN [] ELSE [1] END | CREATE (p)-[:FOR_COURSE]->(c))`;

/** A claim that confirmClaim/declineClaim has just locked, with its case's status. */
export const READ_CLAIM_TO_DECIDE = /* cypher */ `
MATCH (p:Proposal {id: $id})-[:OF_CASE]->(k:Case)
RETURN p.origin AS origin, p.claimState AS claimState, k.id AS caseId`;

export const DECIDE_CLAIM = /* cypher */ `
MATCH (p:Proposal {id: $id})
SET p.claimState = $state, p.claimDecidedAt = datetime($now), p.claimDecidedBy = $by, p.claimDeclineReason = $reason`;

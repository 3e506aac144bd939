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
                    expiresAt: datetime($sentAt) + duration({days: toInteger($expiryDays)}), sentBy: $by})
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
       p.withdrawnReason AS withdrawnReason,
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
       p.withdrawnReason AS withdrawnReason,
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
       toString(t.lastDigestSentOn) AS lastSentOn,
       COLLECT { MATCH (t)-[:TEACHES]->(c:Course)
                 WHERE (EXISTS { MATCH (a:Agreement)-[:COVERS]->(c) WHERE a.validFrom <= date($date) AND (a.validTo IS NULL OR a.validTo >= date($date)) }
                        OR EXISTS { MATCH (a:Agreement)-[:COVERS]->(:Programme)<-[:PART_OF]-(c) WHERE a.validFrom <= date($date) AND (a.validTo IS NULL OR a.validTo >= date($date)) }
                        OR EXISTS { MATCH (a:Agreement)-[:COVERS]->(:Institution)<-[:OFFERED_BY]-(:Programme)<-[:PART_OF]-(c) WHERE a.validFrom <= date($date) AND (a.validTo IS NULL OR a.validTo >= date($date)) })
                 RETURN c.id } AS courseIds,
       COLLECT { MATCH (w:Workspace) RETURN w.name ORDER BY w.name } AS workspaces`;

/** The cases of a digest, with their SMEs. */
export const READ_DIGEST_CASES = /* cypher */ `
UNWIND $ids AS id MATCH (k:Case {id: id})
OPTIONAL MATCH (k)<-[:ASKED]-(s:Sme)
RETURN k.id AS id, k.title AS title, k.question AS question, k.topics AS topics, k.wantedLevels AS wantedLevels,
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

/**
 * The Cypher of the outbox: every message the API sends or would have sent, with its attempts.
 * Snapshots: tests/snapshots/cypher/mail/.
 */

/** A new message, waiting for its first attempt; addressed to a person (erasure removes it with them). */
export const CREATE_MAIL_MESSAGE = /* cypher */ `
MATCH (t:Person {id: $personId})
CREATE (m:MailMessage {id: $id, kind: $kind, status: 'QUEUED', toAddress: $to, toName: $toName, subject: $subject,
                       text: $text, html: $html, raw: $raw, messageId: $messageId, language: $language,
                       createdAt: datetime($now), attempts: 0, nextAttemptAt: datetime($now), transport: $transport})
CREATE (m)-[:TO_PERSON]->(t)`;

/**
 * Claims a message for one attempt: only a QUEUED or FAILED one, so two senders (the schedule and a
 * coordinator) never both send it. A message left SENDING by a process that stopped mid-attempt is not
 * retried by itself: whether it went out is unknown (docs/mail.md).
 */
export const CLAIM_MAIL_MESSAGE = /* cypher */ `
MATCH (m:MailMessage {id: $id}) WHERE m.status IN ['QUEUED', 'FAILED']
SET m.status = 'SENDING', m.claimedAt = datetime($now)
RETURN m.raw AS raw, m.toAddress AS to, m.attempts AS attempts, m.kind AS kind`;

export const MARK_MAIL_SENT = /* cypher */ `
MATCH (m:MailMessage {id: $id})
SET m.status = $status, m.sentAt = datetime($now), m.response = $response, m.attempts = m.attempts + 1,
    m.lastError = null, m.nextAttemptAt = null`;

export const MARK_MAIL_FAILED = /* cypher */ `
MATCH (m:MailMessage {id: $id})
SET m.status = CASE WHEN $gaveUp THEN 'GAVE_UP' ELSE 'FAILED' END, m.attempts = m.attempts + 1, m.lastError = $error,
    m.lastAttemptAt = datetime($now), m.nextAttemptAt = CASE WHEN $gaveUp THEN null ELSE datetime($next) END`;

/** Messages whose next attempt is due, oldest first. */
export const READ_MAIL_TO_RETRY = /* cypher */ `
MATCH (m:MailMessage) WHERE m.status IN ['QUEUED', 'FAILED'] AND m.nextAttemptAt <= datetime($now)
RETURN m.id AS id ORDER BY m.nextAttemptAt, m.id LIMIT toInteger($limit)`;

/** The outbox, newest first, optionally of one status. */
export const READ_OUTBOX = /* cypher */ `
MATCH (m:MailMessage) WHERE $status IS NULL OR m.status = $status
WITH m ORDER BY m.createdAt DESC, m.id SKIP toInteger($offset) LIMIT toInteger($first)
OPTIONAL MATCH (m)-[:TO_PERSON]->(t:Person)
RETURN m.id AS id, m.kind AS kind, m.status AS status, m.toAddress AS to, m.toName AS toName, t.id AS personId,
       m.subject AS subject, m.language AS language, toString(m.createdAt) AS createdAt, toString(m.sentAt) AS sentAt,
       m.attempts AS attempts, m.lastError AS lastError, toString(m.nextAttemptAt) AS nextAttemptAt, m.response AS response,
       m.transport AS transport, m.messageId AS messageId, m.text AS text, m.html AS html, m.raw AS raw,
       COUNT { (m)-[:CARRIES]->(:Proposal) } AS proposals`;

export const READ_MAIL_MESSAGE = /* cypher */ `
MATCH (m:MailMessage {id: $id})
OPTIONAL MATCH (m)-[:TO_PERSON]->(t:Person)
RETURN m.id AS id, m.kind AS kind, m.status AS status, m.toAddress AS to, m.toName AS toName, t.id AS personId,
       m.subject AS subject, m.language AS language, toString(m.createdAt) AS createdAt, toString(m.sentAt) AS sentAt,
       m.attempts AS attempts, m.lastError AS lastError, toString(m.nextAttemptAt) AS nextAttemptAt, m.response AS response,
       m.transport AS transport, m.messageId AS messageId, m.text AS text, m.html AS html, m.raw AS raw,
       COUNT { (m)-[:CARRIES]->(:Proposal) } AS proposals`;

export const COUNT_OUTBOX = /* cypher */ `
MATCH (m:MailMessage) RETURN m.status AS status, count(*) AS n`;

MATCH (m:MailMessage {id: $id})
OPTIONAL MATCH (m)-[:TO_PERSON]->(t:Person)
RETURN m.id AS id, m.kind AS kind, m.status AS status, m.toAddress AS to, m.toName AS toName, t.id AS personId,
       m.subject AS subject, m.language AS language, toString(m.createdAt) AS createdAt, toString(m.sentAt) AS sentAt,
       m.attempts AS attempts, m.lastError AS lastError, toString(m.nextAttemptAt) AS nextAttemptAt, m.response AS response,
       m.transport AS transport, m.messageId AS messageId, m.text AS text, m.html AS html, m.raw AS raw,
       COUNT { (m)-[:CARRIES]->(:Proposal) } AS proposals

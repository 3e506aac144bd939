MATCH (m:MailMessage {id: $id}) WHERE m.status IN ['QUEUED', 'FAILED']
SET m.status = 'SENDING', m.claimedAt = datetime($now)
RETURN m.raw AS raw, m.toAddress AS to, m.attempts AS attempts, m.kind AS kind

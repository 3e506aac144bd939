MATCH (m:MailMessage {id: $messageId}) RETURN m.kind AS kind

MATCH (i:Invitation {id: $id}), (m:MailMessage {id: $messageId})
CREATE (i)-[:SENT_AS]->(m)

MATCH (m:MailMessage) RETURN m.status AS status, count(*) AS n

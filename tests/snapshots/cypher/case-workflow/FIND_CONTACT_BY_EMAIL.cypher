MATCH (p:Person {email: $email})
WITH p ORDER BY p.id LIMIT 1
SET p.email = coalesce(p.email, $email), p.phone = coalesce(p.phone, $phone), p.jobTitle = coalesce(p.jobTitle, $jobTitle)
RETURN p.id AS id

MATCH (p:Person) WHERE toLower(trim(p.email)) = $email
WITH p ORDER BY p.id LIMIT 1
SET p.jobTitle = coalesce(p.jobTitle, $jobTitle)
RETURN p.id AS id

MATCH (p:Person)-[:CONTACT_FOR]->(:Sme {id: $smeId}) WHERE toLower(trim(p.name)) = $nameKey
WITH p ORDER BY p.id LIMIT 1
SET p.email = coalesce(p.email, $email), p.phone = coalesce(p.phone, $phone), p.jobTitle = coalesce(p.jobTitle, $jobTitle)
RETURN p.id AS id

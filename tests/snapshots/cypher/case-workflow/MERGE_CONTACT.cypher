MERGE (p:Person {id: $id})
ON CREATE SET p.name = $name, p.email = $email, p.phone = $phone, p.jobTitle = $jobTitle
RETURN p.id AS id

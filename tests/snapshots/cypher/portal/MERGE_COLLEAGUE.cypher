MERGE (p:Person {id: $id})
ON CREATE SET p.name = $name, p.email = $email, p.jobTitle = $jobTitle
RETURN p.id AS id

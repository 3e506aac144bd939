OPTIONAL MATCH (b:Person {id: $by})
OPTIONAL MATCH (w:Person {id: $with})
OPTIONAL MATCH (p:Programme {id: $programme})
OPTIONAL MATCH (c:Course {id: $course})
OPTIONAL MATCH (ib:Person {id: $introducedBy})
RETURN b IS NOT NULL AS by, w IS NOT NULL AS with, p IS NOT NULL AS programme, c IS NOT NULL AS course,
       ib IS NOT NULL AS introducedBy,
       CASE WHEN p IS NULL OR c IS NULL THEN true ELSE EXISTS { (c)-[:PART_OF]->(p) } END AS coursePartOfProgramme

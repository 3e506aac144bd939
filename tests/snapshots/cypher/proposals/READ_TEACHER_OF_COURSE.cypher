OPTIONAL MATCH (t:Person {id: $teacherId}) OPTIONAL MATCH (c:Course {id: $courseId})
RETURN t IS NOT NULL AS teacher, c IS NOT NULL AS course, t.name AS teacherName, c.name AS courseName,
       EXISTS { (t)-[:TEACHES]->(c) } AS teaches

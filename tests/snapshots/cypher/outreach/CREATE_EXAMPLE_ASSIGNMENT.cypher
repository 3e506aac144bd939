MATCH (t:Person {id: $teacher}), (c:Course {id: $course})
CREATE (t)<-[:FROM_TEACHER]-(e:ExampleAssignment {id: randomUUID(), title: $title, received: date($received)})-[:FOR_COURSE]->(c)
SET e.description = $description
RETURN e.id AS id

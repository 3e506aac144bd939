RETURN EXISTS { (:Person {id: $personId})-[:TEACHES]->(:Course {id: $courseId}) } AS teaches

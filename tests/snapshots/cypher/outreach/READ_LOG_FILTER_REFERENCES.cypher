RETURN $person IS NULL OR EXISTS { (:Person {id: $person}) } AS person,
       $programme IS NULL OR EXISTS { (:Programme {id: $programme}) } AS programme,
       $course IS NULL OR EXISTS { (:Course {id: $course}) } AS course

MATCH (t:Person) WHERE t.digestEveryDays IS NOT NULL AND (t.erasedAt IS NOT NULL OR t.email IS NULL OR NOT t.email CONTAINS '@')
  AND EXISTS { MATCH (t)-[:TEACHES]->(:Course) }
RETURN t.id AS teacherId, t.name AS teacherName, CASE WHEN t.erasedAt IS NOT NULL THEN 'ERASED' ELSE 'NO_EMAIL' END AS why
ORDER BY t.name, t.id

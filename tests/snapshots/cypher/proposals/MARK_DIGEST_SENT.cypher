MATCH (t:Person {id: $id})
SET t.lastDigestSentOn = CASE WHEN t.lastDigestSentOn IS NULL OR t.lastDigestSentOn < date($date) THEN date($date) ELSE t.lastDigestSentOn END

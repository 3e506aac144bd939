MATCH (c:Case) WHERE ($from IS NULL OR date(c.created) >= date($from)) AND ($to IS NULL OR date(c.created) <= date($to))
CALL (c) {
  OPTIONAL MATCH (c)-[:HAD_EVENT]->(e:CaseEvent)
  RETURN min(CASE WHEN e.to = 'MATCHED' THEN e.at END) AS matchedAt,
         min(CASE WHEN e.to = 'COMPLETED' THEN e.at END) AS completedAt
}
WITH CASE WHEN c.created IS NOT NULL AND matchedAt IS NOT NULL THEN duration.inSeconds(c.created, matchedAt) END AS toMatch,
     CASE WHEN matchedAt IS NOT NULL AND completedAt IS NOT NULL THEN duration.inSeconds(matchedAt, completedAt) END AS toComplete
WITH (toMatch.seconds + toMatch.nanosecondsOfSecond / 1e9) / 86400.0 AS daysToMatch,
     (toComplete.seconds + toComplete.nanosecondsOfSecond / 1e9) / 86400.0 AS daysToComplete
RETURN percentileCont(daysToMatch, 0.5) AS medianToMatch, count(daysToMatch) AS matched,
       percentileCont(daysToComplete, 0.5) AS medianToComplete, count(daysToComplete) AS completed

WITH $sources AS sources, $targets AS targets
WITH sources, targets, coalesce($floor,
  CASE
    WHEN COUNT { MATCH (e:Person)-[:KNOWS]-() WHERE e.id IN sources + targets } <= $lightEnds THEN $minStrength
    WHEN $minStrength >= 0.9 THEN $minStrength
    ELSE 0.9
  END) AS floor
CALL (sources, targets, floor) {
  CALL (sources, targets) {
    MATCH (x:Person) WHERE x.id IN sources + targets + $avoid
    RETURN collect(x) AS blocked
  }
  CALL (sources, targets, blocked, floor) {
      MATCH (s:Person)-[r:KNOWS]-(t:Person)
      USING INDEX s:Person(id)
      WHERE s.id IN sources AND t.id IN targets
      RETURN [s, t] AS people, [r] AS ties
      UNION ALL
      MATCH (s:Person)((a)-[r:KNOWS]-(b) WHERE (floor = 0.0 OR r.strength >= floor) AND NOT b IN blocked){1,3}(m),
            (t:Person)((c)-[q:KNOWS]-(d) WHERE (floor = 0.0 OR q.strength >= floor) AND NOT d IN blocked){1,2}(m)
      USING INDEX s:Person(id)
      USING INDEX t:Person(id)
      USING JOIN ON m
      WHERE s.id IN sources AND t.id IN targets AND size(r) - size(q) IN [0, 1]
      WITH [s] + b + reverse(d)[1..] + [t] AS people, r + reverse(q) AS ties
      WHERE all(i IN range(0, size(people) - 2) WHERE NOT people[i] IN people[i + 1..])
      RETURN people, ties
  }
  WITH people, ties
  WHERE all(e IN ties WHERE e.strength >= $minStrength AND e.strength >= floor)
  WITH people, ties, reduce(x = 1.0, e IN ties | x * e.strength) AS score
  ORDER BY round(score * 1.0e9) DESC, size(ties) ASC, [p IN people | p.id] ASC
  LIMIT toInteger($k)
  RETURN collect({
    ids: [p IN people | p.id],
    ties: [e IN ties | {strength: e.strength, channel: e.channel, since: e.since, lastContact: e.lastContact, manual: coalesce(e.manual, false),
      introducedBy: CASE WHEN e.introducedBy IS NULL THEN null
        ELSE COLLECT { MATCH (x:Person) WHERE x.id = e.introducedBy RETURN x {.id, .name} }[0] END}],
    score: score
  }) AS paths
}
RETURN floor, paths

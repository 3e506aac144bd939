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

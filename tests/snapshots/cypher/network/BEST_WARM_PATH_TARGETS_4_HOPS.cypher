UNWIND $targets AS targetId
MATCH (t:Person {id: targetId})
CALL (t) {
  MATCH (t)-[r:KNOWS WHERE r.strength >= $minStrength]-{0,2}(m:Person)
  WHERE $sources[m.id] IS NOT NULL
  WITH $sources[m.id][0] * reduce(s = 1.0, x IN r | s * x.strength) AS score, $sources[m.id][1] + size(r) AS hops
  ORDER BY round(score * 1.0e9) DESC, hops ASC, score DESC
  LIMIT 1
  RETURN score, hops
}
RETURN t.id AS id, score, hops

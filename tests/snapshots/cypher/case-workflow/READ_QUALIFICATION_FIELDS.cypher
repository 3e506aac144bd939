MATCH (k:Case {id: $id})
RETURN size(coalesce(k.topics, [])) AS topics, size(coalesce(k.wantedLevels, [])) AS levels, k.effort AS effort,
       toString(k.earliestStart) AS earliestStart, toString(k.deadline) AS deadline

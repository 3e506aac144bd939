UNWIND $proposals AS p
MERGE (t:Topic {id: p.id})
  ON CREATE SET t.status = 'PROPOSED', t.labelNl = p.word, t.labelEn = p.word, t.synonyms = [], t.keys = [p.key],
                t.proposedFrom = p.word, t.created = datetime($now)
RETURN collect(CASE WHEN t.status = 'REJECTED' THEN t.id END) AS rejected

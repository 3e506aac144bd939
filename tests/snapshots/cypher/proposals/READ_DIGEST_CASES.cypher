UNWIND $ids AS id MATCH (k:Case {id: id})
OPTIONAL MATCH (k)<-[:ASKED]-(s:Sme)
RETURN k.id AS id, k.title AS title, k.question AS question, k.topics AS topics,
       COLLECT { MATCH (k)-[:ABOUT]->(t:Topic) RETURN {nl: t.labelNl, en: t.labelEn} ORDER BY t.id } AS topicLabels,
       k.wantedLevels AS wantedLevels,
       k.effort AS effort, toString(k.earliestStart) AS earliestStart, toString(k.deadline) AS deadline,
       s.name AS smeName, s.city AS smeCity

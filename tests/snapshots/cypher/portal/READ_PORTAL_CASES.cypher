UNWIND $ids AS id MATCH (k:Case {id: id})
OPTIONAL MATCH (k)<-[:ASKED]-(s:Sme)
WITH k, head(collect(s)) AS s
RETURN k.id AS id, k.title AS title, k.question AS question, k.status AS status,
       COLLECT { MATCH (k)-[:ABOUT]->(t:Topic) RETURN {nl: t.labelNl, en: t.labelEn} ORDER BY t.id } AS topicLabels,
       coalesce(k.wantedLevels, []) AS wantedLevels, k.effort AS effort, toString(k.earliestStart) AS earliestStart,
       toString(k.deadline) AS deadline, s.name AS smeName, s.city AS smeCity

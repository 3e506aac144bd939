UNWIND $rows AS row
MATCH (x:Interaction {id: row.id})
RETURN row.line AS line,
       head([(b:Person)-[:INITIATED]->(x) | b.id]) AS by, head([(x)-[:WITH]->(w:Person) | w.id]) AS with,
       toString(x.date) AS date, x.channel AS channel, x.result AS result, x.note AS note,
       head([(x)-[:ABOUT]->(p:Programme) | p.id]) AS aboutProgramme, head([(x)-[:ABOUT]->(c:Course) | c.id]) AS aboutCourse,
       head([(x)-[:INTRODUCED_BY]->(i:Person) | i.id]) AS introducedBy

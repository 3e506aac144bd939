UNWIND range(0, size($s) - 1) AS i
MATCH (a:`__RestoreNode` {`__restoreKey`: $s[i]})
MATCH (b:`__RestoreNode` {`__restoreKey`: $e[i]})
CREATE (a)-[k:`KNOWS`]->(b)
SET k.`lastContact` = date($p0[i]), k.`strength` = toFloat($p1[i])
RETURN count(*) AS written

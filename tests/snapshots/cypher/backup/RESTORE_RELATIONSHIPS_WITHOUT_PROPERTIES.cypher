UNWIND range(0, size($s) - 1) AS i
MATCH (a:`__RestoreNode` {`__restoreKey`: $s[i]})
MATCH (b:`__RestoreNode` {`__restoreKey`: $e[i]})
CREATE (a)-[k:`TEACHES`]->(b)

RETURN count(*) AS written

UNWIND range(0, size($k) - 1) AS i
CREATE (n:`__RestoreNode`:`Workspace` {`__restoreKey`: $k[i]})

RETURN count(*) AS written

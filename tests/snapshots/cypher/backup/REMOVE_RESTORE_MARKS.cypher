MATCH (n:`__RestoreNode`)
CALL (n) { REMOVE n:`__RestoreNode` REMOVE n.`__restoreKey` } IN TRANSACTIONS OF 10000 ROWS

CREATE INDEX werkplaats_restore_key IF NOT EXISTS FOR (n:`__RestoreNode`) ON (n.`__restoreKey`)

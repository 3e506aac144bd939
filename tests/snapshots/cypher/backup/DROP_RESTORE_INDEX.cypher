DROP INDEX werkplaats_restore_key IF EXISTS

DROP INDEX person_email IF EXISTS

-- *********************************************************************
-- Update Database Script
-- *********************************************************************
-- Change Log: form-merge-key.yaml
-- Ran at: <time>
-- Against: null@offline:postgresql
-- Liquibase version: 4.28.0
-- *********************************************************************

-- Changeset form-merge-key.yaml::1::a
CREATE TABLE t (id INTEGER, id2 INTEGER);

-- offline databasechangelog.csv after the run (DATEEXECUTED and DEPLOYMENT_ID blanked):
-- "1","a","form-merge-key.yaml",<date>,"1","EXECUTED","9:daea57de2388d89a6f8df5fa0620076b","createTable tableName=t",,"","4.28.0","()","",<id>

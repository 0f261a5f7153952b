-- *********************************************************************
-- Update Database Script
-- *********************************************************************
-- Change Log: form-change-unknown-nested-key.yaml
-- Ran at: <time>
-- Against: null@offline:postgresql
-- Liquibase version: 4.28.0
-- *********************************************************************

-- Changeset form-change-unknown-nested-key.yaml::1::a
CREATE TABLE t (id INTEGER);

-- offline databasechangelog.csv after the run (DATEEXECUTED and DEPLOYMENT_ID blanked):
-- "1","a","form-change-unknown-nested-key.yaml",<date>,"1","EXECUTED","9:4540d4f5693b57b1bf9dc442f82d52fc","createTable tableName=t",,"","4.28.0","()","",<id>

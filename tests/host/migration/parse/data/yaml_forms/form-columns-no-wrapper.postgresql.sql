-- *********************************************************************
-- Update Database Script
-- *********************************************************************
-- Change Log: form-columns-no-wrapper.yaml
-- Ran at: <time>
-- Against: null@offline:postgresql
-- Liquibase version: 4.28.0
-- *********************************************************************

-- Changeset form-columns-no-wrapper.yaml::1::a
ALTER TABLE t ADD c INTEGER NOT NULL;

-- offline databasechangelog.csv after the run (DATEEXECUTED and DEPLOYMENT_ID blanked):
-- "1","a","form-columns-no-wrapper.yaml",<date>,"1","EXECUTED","9:f61446c0f18c2acb6b4e694c87602ce4","addColumn tableName=t",,"","4.28.0","()","",<id>

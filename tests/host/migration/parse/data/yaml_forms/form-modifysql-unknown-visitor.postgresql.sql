-- *********************************************************************
-- Update Database Script
-- *********************************************************************
-- Change Log: form-modifysql-unknown-visitor.yaml
-- Ran at: <time>
-- Against: null@offline:postgresql
-- Liquibase version: 4.28.0
-- *********************************************************************

-- Changeset form-modifysql-unknown-visitor.yaml::1::a
SELECT 1 /* appended */;

-- offline databasechangelog.csv after the run (DATEEXECUTED and DEPLOYMENT_ID blanked):
-- "1","a","form-modifysql-unknown-visitor.yaml",<date>,"1","EXECUTED","9:6ffafcb38c082a804f30894f160ecd8a","sql",,"","4.28.0","()","",<id>

-- *********************************************************************
-- Update Database Script
-- *********************************************************************
-- Change Log: form-modifysql-in-changes.yaml
-- Ran at: <time>
-- Against: null@offline:postgresql
-- Liquibase version: 4.28.0
-- *********************************************************************

-- Changeset form-modifysql-in-changes.yaml::1::a
CREATE TABLE t (id INTEGER) /* appended by modifySql */;

-- offline databasechangelog.csv after the run (DATEEXECUTED and DEPLOYMENT_ID blanked):
-- "1","a","form-modifysql-in-changes.yaml",<date>,"1","EXECUTED","9:a4fabcb50ed6cee3cc96dcc43ad86da7","createTable tableName=t",,"","4.28.0","()","",<id>

-- *********************************************************************
-- Update Database Script
-- *********************************************************************
-- Change Log: form-non-column-in-columns.yaml
-- Ran at: <time>
-- Against: null@offline:postgresql
-- Liquibase version: 4.28.0
-- *********************************************************************

-- Changeset form-non-column-in-columns.yaml::1::a
ALTER TABLE t ADD c INTEGER;

-- offline databasechangelog.csv after the run (DATEEXECUTED and DEPLOYMENT_ID blanked):
-- "1","a","form-non-column-in-columns.yaml",<date>,"1","EXECUTED","9:eec42d0ac256b03027ee89a694253854","addColumn tableName=t",,"","4.28.0","()","",<id>

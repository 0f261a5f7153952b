-- *********************************************************************
-- Update Database Script
-- *********************************************************************
-- Change Log: form-column-list-under-column.yaml
-- Ran at: <time>
-- Against: null@offline:postgresql
-- Liquibase version: 4.28.0
-- *********************************************************************

-- Changeset form-column-list-under-column.yaml::1::a
CREATE TABLE t (id INTEGER, v VARCHAR(10));

-- offline databasechangelog.csv after the run (DATEEXECUTED and DEPLOYMENT_ID blanked):
-- "1","a","form-column-list-under-column.yaml",<date>,"1","EXECUTED","9:d5ea247a62685a2633dfe640952da3b6","createTable tableName=t",,"","4.28.0","()","",<id>

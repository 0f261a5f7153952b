-- *********************************************************************
-- Update Database Script
-- *********************************************************************
-- Change Log: form-case-insensitive-keys.yaml
-- Ran at: <time>
-- Against: null@offline:postgresql
-- Liquibase version: 4.28.0
-- *********************************************************************

-- Changeset form-case-insensitive-keys.yaml::1::a
CREATE TABLE t (id INTEGER NOT NULL, CONSTRAINT t_pkey PRIMARY KEY (id));

-- offline databasechangelog.csv after the run (DATEEXECUTED and DEPLOYMENT_ID blanked):
-- "1","a","form-case-insensitive-keys.yaml",<date>,"1","EXECUTED","9:e09d3f496ab83ccb5cf29c813450cc0b","createTable tableName=t",,"","4.28.0","()","",<id>

-- *********************************************************************
-- Update Database Script
-- *********************************************************************
-- Change Log: form-duplicate-keys.yaml
-- Ran at: <time>
-- Against: null@offline:postgresql
-- Liquibase version: 4.28.0
-- *********************************************************************

-- Changeset form-duplicate-keys.yaml::2::a
SELECT 2;

-- offline databasechangelog.csv after the run (DATEEXECUTED and DEPLOYMENT_ID blanked):
-- "2","a","form-duplicate-keys.yaml",<date>,"1","EXECUTED","9:551f7729de0d9e3c0680b3a0ef3fa298","sql",,"","4.28.0","()","",<id>

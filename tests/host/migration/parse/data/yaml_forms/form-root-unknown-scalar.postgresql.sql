-- *********************************************************************
-- Update Database Script
-- *********************************************************************
-- Change Log: form-root-unknown-scalar.yaml
-- Ran at: <time>
-- Against: null@offline:postgresql
-- Liquibase version: 4.28.0
-- *********************************************************************

-- Changeset form-root-unknown-scalar.yaml::1::a
SELECT 1;

-- offline databasechangelog.csv after the run (DATEEXECUTED and DEPLOYMENT_ID blanked):
-- "1","a","form-root-unknown-scalar.yaml",<date>,"1","EXECUTED","9:6a68455a2c7f71d76609a01bf5a61983","sql",,"","4.28.0","()","",<id>

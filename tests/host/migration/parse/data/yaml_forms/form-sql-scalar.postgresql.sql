-- *********************************************************************
-- Update Database Script
-- *********************************************************************
-- Change Log: form-sql-scalar.yaml
-- Ran at: <time>
-- Against: null@offline:postgresql
-- Liquibase version: 4.28.0
-- *********************************************************************

-- Changeset form-sql-scalar.yaml::1::a
SELECT 1;

-- offline databasechangelog.csv after the run (DATEEXECUTED and DEPLOYMENT_ID blanked):
-- "1","a","form-sql-scalar.yaml",<date>,"1","EXECUTED","9:0bb5bfed1704d7e03a62f6aebb469c87","sql; output",,"","4.28.0","()","",<id>

-- ===== future-rollback-sql (fresh directory) =====
-- *********************************************************************
-- SQL to roll back currently unexecuted changes
-- *********************************************************************
-- Change Log: form-sql-scalar.yaml
-- Ran at: <time>
-- Against: null@offline:postgresql
-- Liquibase version: 4.28.0
-- *********************************************************************

-- Rolling Back ChangeSet: form-sql-scalar.yaml::1::a
SELECT 3;

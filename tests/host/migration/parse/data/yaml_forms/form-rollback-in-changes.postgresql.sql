-- *********************************************************************
-- Update Database Script
-- *********************************************************************
-- Change Log: form-rollback-in-changes.yaml
-- Ran at: <time>
-- Against: null@offline:postgresql
-- Liquibase version: 4.28.0
-- *********************************************************************

-- Changeset form-rollback-in-changes.yaml::1::a
CREATE TABLE t (id INTEGER);

-- offline databasechangelog.csv after the run (DATEEXECUTED and DEPLOYMENT_ID blanked):
-- "1","a","form-rollback-in-changes.yaml",<date>,"1","EXECUTED","9:4540d4f5693b57b1bf9dc442f82d52fc","createTable tableName=t",,"","4.28.0","()","",<id>

-- ===== future-rollback-sql (fresh directory) =====
-- *********************************************************************
-- SQL to roll back currently unexecuted changes
-- *********************************************************************
-- Change Log: form-rollback-in-changes.yaml
-- Ran at: <time>
-- Against: null@offline:postgresql
-- Liquibase version: 4.28.0
-- *********************************************************************

-- Rolling Back ChangeSet: form-rollback-in-changes.yaml::1::a
DROP TABLE t_from_rollback;

-- *********************************************************************
-- Update Database Script
-- *********************************************************************
-- Change Log: form-object-quoting-strategy.yaml
-- Ran at: <time>
-- Against: null@offline:postgresql
-- Liquibase version: 4.28.0
-- *********************************************************************

-- Changeset form-object-quoting-strategy.yaml::1::a
CREATE TABLE "t1" ("id" INTEGER);

-- Changeset form-object-quoting-strategy.yaml::2::a
CREATE TABLE t2 (id INTEGER);

-- offline databasechangelog.csv after the run (DATEEXECUTED and DEPLOYMENT_ID blanked):
-- "1","a","form-object-quoting-strategy.yaml",<date>,"1","EXECUTED","9:53bc068be4af2c1880398b77cb5f84f4","createTable tableName=t1","","","4.28.0","()","",<id>
-- "2","a","form-object-quoting-strategy.yaml",<date>,"2","EXECUTED","9:62edd8e1d3029a3981b54d0160e2b204","createTable tableName=t2",,"","4.28.0","()","",<id>

-- *********************************************************************
-- Update Database Script
-- *********************************************************************
-- Change Log: form-dbms-list.yaml
-- Ran at: <time>
-- Against: null@offline:postgresql
-- Liquibase version: 4.28.0
-- *********************************************************************

-- Changeset form-dbms-list.yaml::2::a
SELECT 2;

-- Changeset form-dbms-list.yaml::3::a
SELECT 3;

-- offline databasechangelog.csv after the run (DATEEXECUTED and DEPLOYMENT_ID blanked):
-- "2","a","form-dbms-list.yaml",<date>,"1","EXECUTED","9:551f7729de0d9e3c0680b3a0ef3fa298","sql","","","4.28.0","()","",<id>
-- "3","a","form-dbms-list.yaml",<date>,"2","EXECUTED","9:6766cbc32b00f286b235b62ef93d8e44","sql",,"","4.28.0","()","",<id>

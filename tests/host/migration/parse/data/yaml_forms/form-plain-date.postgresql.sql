-- *********************************************************************
-- Update Database Script
-- *********************************************************************
-- Change Log: form-plain-date.yaml
-- Ran at: <time>
-- Against: null@offline:postgresql
-- Liquibase version: 4.28.0
-- *********************************************************************

-- Changeset form-plain-date.yaml::Mon Jan 15 00:00:00 UTC 2024::a
INSERT INTO t (s, s2, d, tz) VALUES ('Mon Jan 15 00:00:00 UTC 2024', '2024-01-15 10:20:30', '2024-01-15 00:00:00', '2024-01-15 10:20:30');

-- offline databasechangelog.csv after the run (DATEEXECUTED and DEPLOYMENT_ID blanked):
-- "Mon Jan 15 00:00:00 UTC 2024","a","form-plain-date.yaml",<date>,"1","EXECUTED","9:b1f1d2f0d3064e0074aedfe647e34b84","insert tableName=t",,"","4.28.0","()","",<id>

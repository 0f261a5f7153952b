--liquibase formatted sql

--changeset compat:s1 labels:sql-test
--comment: a table from formatted SQL
CREATE TABLE fs_note (
    id INTEGER PRIMARY KEY,
    body VARCHAR(200) NOT NULL -- trailing comment
);
--rollback DROP TABLE fs_note;

--changeset compat:s2
INSERT INTO fs_note (id, body) VALUES (1, 'semi;colon');
INSERT INTO fs_note (id, body) VALUES (2, 'two');
--rollback DELETE FROM fs_note WHERE id IN (1, 2);

--changeset compat:s3 context:test
--preconditions onFail:MARK_RAN
--precondition-sql-check expectedResult:0 SELECT COUNT(*) FROM fs_note WHERE id = 3
INSERT INTO fs_note (id, body) VALUES (3, 'three');
--rollback DELETE FROM fs_note WHERE id = 3;

--changeset "compat team":"s 4" splitStatements:false
CREATE VIEW fs_note_view AS SELECT id, body FROM fs_note;
--rollback DROP VIEW fs_note_view;

--  Changeset columns.xml::add-columns::t
ALTER TABLE party ADD a INT NULL, ADD b VARCHAR(20) DEFAULT 'x' NOT NULL, ADD c TINYINT DEFAULT 1 NULL;

--  Changeset columns.xml::add-column-values::t
ALTER TABLE app.party ADD v1 VARCHAR(20) NULL, ADD v2 INT NULL, ADD v3 TINYINT NULL, ADD v4 date NULL, ADD v5 INT NULL;

UPDATE app.party SET v1 = 'it''s';

UPDATE app.party SET v2 = 7;

UPDATE app.party SET v3 = 1;

UPDATE app.party SET v4 = '2024-05-06';

UPDATE app.party SET v5 = a * 2;

--  Changeset columns.xml::add-column-constraints::t
ALTER TABLE party ADD code VARCHAR(8) NULL, ADD ref BIGINT NULL;

ALTER TABLE party ADD CONSTRAINT uq_code UNIQUE (code);

ALTER TABLE party ADD CONSTRAINT fk_ref FOREIGN KEY (ref) REFERENCES party (id);

--  Changeset columns.xml::drop-column::t
ALTER TABLE party DROP COLUMN a;

--  Changeset columns.xml::drop-columns::t
ALTER TABLE party DROP b, DROP c;

--  Changeset columns.xml::rename::t
ALTER TABLE party CHANGE code short_code VARCHAR(8);

--  Changeset columns.xml::modify::t
ALTER TABLE party MODIFY short_code VARCHAR(16);

ALTER TABLE party MODIFY score BIGINT;

--  Changeset columns.xml::after-column::t
ALTER TABLE party ADD d INT NULL AFTER a;


-- Changeset columns.xml::add-columns::t
ALTER TABLE PUBLIC.party ADD a INT;

ALTER TABLE PUBLIC.party ADD b VARCHAR(20) DEFAULT 'x' NOT NULL;

ALTER TABLE PUBLIC.party ADD c BOOLEAN DEFAULT TRUE;

-- Changeset columns.xml::add-column-values::t
ALTER TABLE app.party ADD v1 VARCHAR(20);

ALTER TABLE app.party ADD v2 INT;

ALTER TABLE app.party ADD v3 BOOLEAN;

ALTER TABLE app.party ADD v4 date;

ALTER TABLE app.party ADD v5 INT;

UPDATE app.party SET v1 = 'it''s';

UPDATE app.party SET v2 = 7;

UPDATE app.party SET v3 = TRUE;

UPDATE app.party SET v4 = '2024-05-06';

UPDATE app.party SET v5 = a * 2;

-- Changeset columns.xml::add-column-constraints::t
ALTER TABLE PUBLIC.party ADD code VARCHAR(8);

ALTER TABLE PUBLIC.party ADD CONSTRAINT uq_code UNIQUE (code);

ALTER TABLE PUBLIC.party ADD ref BIGINT;

ALTER TABLE PUBLIC.party ADD CONSTRAINT fk_ref FOREIGN KEY (ref) REFERENCES PUBLIC.party (id);

-- Changeset columns.xml::drop-column::t
ALTER TABLE PUBLIC.party DROP COLUMN a;

-- Changeset columns.xml::drop-columns::t
ALTER TABLE PUBLIC.party DROP COLUMN b;

ALTER TABLE PUBLIC.party DROP COLUMN c;

-- Changeset columns.xml::rename::t
ALTER TABLE PUBLIC.party ALTER COLUMN code RENAME TO short_code;

-- Changeset columns.xml::modify::t
ALTER TABLE PUBLIC.party ALTER COLUMN short_code VARCHAR(16);

ALTER TABLE PUBLIC.party ALTER COLUMN score BIGINT;


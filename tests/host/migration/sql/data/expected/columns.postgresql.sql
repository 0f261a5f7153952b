-- Changeset columns.xml::add-columns::t
ALTER TABLE party ADD a INTEGER;

ALTER TABLE party ADD b VARCHAR(20) DEFAULT 'x' NOT NULL;

ALTER TABLE party ADD c BOOLEAN DEFAULT TRUE;

-- Changeset columns.xml::add-column-values::t
ALTER TABLE app.party ADD v1 VARCHAR(20);

ALTER TABLE app.party ADD v2 INTEGER;

ALTER TABLE app.party ADD v3 BOOLEAN;

ALTER TABLE app.party ADD v4 date;

ALTER TABLE app.party ADD v5 INTEGER;

UPDATE app.party SET v1 = 'it''s';

UPDATE app.party SET v2 = 7;

UPDATE app.party SET v3 = TRUE;

UPDATE app.party SET v4 = '2024-05-06';

UPDATE app.party SET v5 = a * 2;

-- Changeset columns.xml::add-column-constraints::t
ALTER TABLE party ADD code VARCHAR(8);

ALTER TABLE party ADD CONSTRAINT uq_code UNIQUE (code);

ALTER TABLE party ADD ref BIGINT;

ALTER TABLE party ADD CONSTRAINT fk_ref FOREIGN KEY (ref) REFERENCES party (id);

-- Changeset columns.xml::drop-column::t
ALTER TABLE party DROP COLUMN a;

-- Changeset columns.xml::drop-columns::t
ALTER TABLE party DROP COLUMN b;

ALTER TABLE party DROP COLUMN c;

-- Changeset columns.xml::rename::t
ALTER TABLE party RENAME COLUMN code TO short_code;

-- Changeset columns.xml::modify::t
ALTER TABLE party ALTER COLUMN short_code TYPE VARCHAR(16) USING (short_code::VARCHAR(16));

ALTER TABLE party ALTER COLUMN score TYPE BIGINT USING (score::BIGINT);


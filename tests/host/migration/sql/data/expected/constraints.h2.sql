-- Changeset constraints.xml::not-null::t
UPDATE PUBLIC.party SET name = 'unknown' WHERE name IS NULL;

ALTER TABLE PUBLIC.party ALTER COLUMN name SET NOT NULL;

UPDATE PUBLIC.party SET score = '0' WHERE score IS NULL;

ALTER TABLE PUBLIC.party ALTER COLUMN score SET NOT NULL;

ALTER TABLE PUBLIC.party ALTER COLUMN name SET NULL;

-- Changeset constraints.xml::defaults::t
ALTER TABLE PUBLIC.party ALTER COLUMN  name SET DEFAULT 'a''b';

ALTER TABLE PUBLIC.party ALTER COLUMN  score SET DEFAULT 3;

ALTER TABLE PUBLIC.party ALTER COLUMN  enabled SET DEFAULT TRUE;

ALTER TABLE PUBLIC.party ALTER COLUMN  upd SET DEFAULT NOW();

ALTER TABLE PUBLIC.party ALTER COLUMN  born SET DEFAULT '2000-01-01';

ALTER TABLE PUBLIC.party ALTER COLUMN  name SET DEFAULT NULL;

-- Changeset constraints.xml::keys::t
ALTER TABLE PUBLIC.party ADD CONSTRAINT pk_party2 PRIMARY KEY (id, name);

ALTER TABLE PUBLIC.party DROP PRIMARY KEY;

ALTER TABLE PUBLIC.party ADD CONSTRAINT uq_name_score UNIQUE (name, score);

ALTER TABLE PUBLIC.party DROP CONSTRAINT uq_name_score;

-- Changeset constraints.xml::foreign-keys::t
ALTER TABLE PUBLIC.child ADD CONSTRAINT fk_child_party FOREIGN KEY (party_id) REFERENCES PUBLIC.party (id) ON UPDATE CASCADE ON DELETE SET NULL;

ALTER TABLE PUBLIC.child DROP CONSTRAINT fk_child_party;

-- Changeset constraints.xml::default-value-sqlite::t
ALTER TABLE app.party ALTER COLUMN  note SET DEFAULT 'n';


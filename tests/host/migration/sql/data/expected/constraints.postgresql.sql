-- Changeset constraints.xml::not-null::t
UPDATE party SET name = 'unknown' WHERE name IS NULL;

ALTER TABLE party ALTER COLUMN  name SET NOT NULL;

UPDATE party SET score = '0' WHERE score IS NULL;

ALTER TABLE party ALTER COLUMN  score SET NOT NULL;

ALTER TABLE party ALTER COLUMN  name DROP NOT NULL;

-- Changeset constraints.xml::defaults::t
ALTER TABLE party ALTER COLUMN  name SET DEFAULT 'a''b';

ALTER TABLE party ALTER COLUMN  score SET DEFAULT 3;

ALTER TABLE party ALTER COLUMN  enabled SET DEFAULT TRUE;

ALTER TABLE party ALTER COLUMN  upd SET DEFAULT NOW();

ALTER TABLE party ALTER COLUMN  born SET DEFAULT '2000-01-01';

ALTER TABLE party ALTER COLUMN name DROP DEFAULT;

-- Changeset constraints.xml::keys::t
ALTER TABLE party ADD CONSTRAINT pk_party2 PRIMARY KEY (id, name);

ALTER TABLE party DROP CONSTRAINT pk_party2;

ALTER TABLE party ADD CONSTRAINT uq_name_score UNIQUE (name, score);

ALTER TABLE party DROP CONSTRAINT uq_name_score;

-- Changeset constraints.xml::foreign-keys::t
ALTER TABLE child ADD CONSTRAINT fk_child_party FOREIGN KEY (party_id) REFERENCES party (id) ON UPDATE CASCADE ON DELETE SET NULL;

ALTER TABLE child DROP CONSTRAINT fk_child_party;

-- Changeset constraints.xml::deferrable-foreign-key::t
ALTER TABLE child ADD CONSTRAINT fk_child_ab FOREIGN KEY (a, b) REFERENCES party (x, y) DEFERRABLE INITIALLY DEFERRED;

-- Changeset constraints.xml::default-value-sqlite::t
ALTER TABLE app.party ALTER COLUMN  note SET DEFAULT 'n';


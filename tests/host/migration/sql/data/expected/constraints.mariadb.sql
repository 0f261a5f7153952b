--  Changeset constraints.xml::not-null::t
UPDATE party SET name = 'unknown' WHERE name IS NULL;

ALTER TABLE party MODIFY name VARCHAR(64) NOT NULL;

UPDATE party SET score = '0' WHERE score IS NULL;

ALTER TABLE party MODIFY score INT NOT NULL;

ALTER TABLE party MODIFY name VARCHAR(64) NULL;

--  Changeset constraints.xml::defaults::t
ALTER TABLE party ALTER name SET DEFAULT 'a''b';

ALTER TABLE party ALTER score SET DEFAULT 3;

ALTER TABLE party ALTER enabled SET DEFAULT 1;

ALTER TABLE party ALTER upd SET DEFAULT (CURRENT_TIMESTAMP);

ALTER TABLE party ALTER born SET DEFAULT '2000-01-01';

ALTER TABLE party ALTER name DROP DEFAULT;

--  Changeset constraints.xml::keys::t
ALTER TABLE party ADD PRIMARY KEY (id, name);

ALTER TABLE party DROP PRIMARY KEY;

ALTER TABLE party ADD CONSTRAINT uq_name_score UNIQUE (name, score);

ALTER TABLE party DROP KEY uq_name_score;

--  Changeset constraints.xml::foreign-keys::t
ALTER TABLE child ADD CONSTRAINT fk_child_party FOREIGN KEY (party_id) REFERENCES party (id) ON UPDATE CASCADE ON DELETE SET NULL;

ALTER TABLE child DROP FOREIGN KEY fk_child_party;

--  Changeset constraints.xml::default-value-sqlite::t
ALTER TABLE app.party ALTER note SET DEFAULT 'n';

